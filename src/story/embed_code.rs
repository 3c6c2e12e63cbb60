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

/// What the image snippet shows and where it leads.
pub struct PictureLink<'a> {
    /// The picture's address, its size in CSS pixels and its text alternative.
    pub picture: &'a str,
    pub size: (u32, u32),
    pub alt: &'a str,
    /// The chart's title and the line naming its sources, for the caption.
    pub title: &'a str,
    pub sources: &'a str,
    /// The chart's share page, and the words of the link to it.
    pub link: &'a str,
    pub link_text: &'a str,
}

/// A picture of the chart that links to its share page, with a caption naming its sources: for
/// newsletters, apps and publishing tools that strip frames and scripts. Plain HTML, no script;
/// the picture scales down to a narrow column.
pub fn picture_snippet(p: &PictureLink) -> String {
    let e = crate::story::escape_html;
    format!(
        concat!(
            "<figure style=\"margin:0\">\n",
            "  <a href=\"{link}\"><img src=\"{picture}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\" ",
            "style=\"max-width:100%;height:auto\"></a>\n",
            "  <figcaption>{title}. {sources} <a href=\"{link}\">{link_text}</a></figcaption>\n",
            "</figure>"
        ),
        link = e(p.link),
        picture = e(p.picture),
        w = p.size.0,
        h = p.size.1,
        alt = e(p.alt),
        title = e(p.title.trim_end_matches('.')),
        sources = e(p.sources),
        link_text = e(p.link_text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_snippet_links_its_picture_and_names_its_sources() {
        let code = picture_snippet(&PictureLink {
            picture: "https://example.org/s/pictures/nev-share-de.png",
            size: (640, 400),
            alt: "Linie \"A\"",
            title: "Anteil",
            sources: "Quellen: CAAM.",
            link: "https://example.org/s/charts/nev-share/de.html",
            link_text: "Öffnen",
        });
        assert!(
            code.contains(
                "<a href=\"https://example.org/s/charts/nev-share/de.html\"><img src=\"https://example.org/s/pictures/nev-share-de.png\""
            ),
            "{code}"
        );
        assert!(code.contains("alt=\"Linie &quot;A&quot;\"") && code.contains("width=\"640\" height=\"400\""), "{code}");
        assert!(code.contains("<figcaption>Anteil. Quellen: CAAM. <a"), "{code}");
        assert!(!code.contains("<script"));
    }

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
