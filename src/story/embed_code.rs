//! The snippet a newsroom pastes into its article to embed a chart.

/// The frame's height before the host script resizes it: enough for a chart with its controls
/// and source line on a desktop, so a plain iframe is usable on its own.
pub const DEFAULT_FRAME_HEIGHT: u32 = 720;

/// An iframe for `embed_url` plus a few lines of host script that resize it from our
/// Datawrapper-style height messages.
pub fn snippet(embed_url: &str, title: &str) -> String {
    format!(
        concat!(
            "<iframe title=\"{title}\" src=\"{url}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" ",
            "scrolling=\"no\" style=\"width:100%;border:0\"></iframe>\n",
            "<script>\n",
            "window.addEventListener(\"message\", function (e) {{\n",
            "  var h = e.data && e.data[\"datawrapper-height\"];\n",
            "  if (!h || typeof h !== \"object\") return;\n",
            "  document.querySelectorAll(\"iframe\").forEach(function (f) {{\n",
            "    if (f.contentWindow !== e.source) return;\n",
            "    for (var k in h) if (typeof h[k] === \"number\") f.style.height = h[k] + \"px\";\n",
            "  }});\n",
            "}});\n",
            "</script>"
        ),
        title = crate::story::escape_html(title),
        url = crate::story::escape_html(embed_url),
        height = DEFAULT_FRAME_HEIGHT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_has_a_titled_lazy_full_width_frame_and_a_resizer() {
        let code = snippet("https://example.org/story/?embed=exports-vs-peers&count=both", "China \"overtakes\"");
        assert!(code.starts_with("<iframe title=\"China &quot;overtakes&quot;\""), "{code}");
        assert!(code.contains("src=\"https://example.org/story/?embed=exports-vs-peers&amp;count=both\""));
        assert!(code.contains("loading=\"lazy\"") && code.contains("width=\"100%\""));
        assert!(code.contains("height=\"720\""));
        assert!(code.contains("datawrapper-height") && code.contains("e.source"));
    }
}
