//! The "Cite" action of the story and of each chart: a dialog with a ready citation of what is on
//! screen (`crate::story::citation`), as a sentence and as BibTeX, each with a copy button.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{t, use_lang};
use crate::story::citation;
use crate::ui::widgets::copy_dialog::{CopyBlock, CopyDialog};

#[component]
pub fn Cite(
    /// The chart's id and title, or `None` for the whole story.
    chart: Option<(&'static str, &'static str)>,
    /// The address of the view on screen, asked for when the reader opens the dialog.
    url: Callback<(), String>,
) -> impl IntoView {
    let lang = use_lang();
    let dialog = NodeRef::<Dialog>::new();
    // Filled when the dialog opens: the address of the current view and today's date.
    let (citation, set_citation) = signal((String::new(), String::new()));
    let open = move |_| {
        let accessed: String = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().chars().take(10).collect();
        let address = url.run(());
        set_citation.set((
            citation::text(lang, chart.map(|(_, title)| title), &address, &accessed),
            citation::bibtex(lang, chart, &address, &accessed),
        ));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let id = chart.map_or("story", |(id, _)| id);
    let heading = if chart.is_some() { t::ui_cite_title_chart(lang) } else { t::ui_cite_title_story(lang) };
    let blocks = vec![
        CopyBlock {
            label: t::ui_cite_text_label(lang),
            text: Signal::derive(move || citation.get().0),
            rows: 4,
            copy_label: t::ui_copy_citation(lang),
            copied: t::ui_citation_copied(lang),
        },
        CopyBlock {
            label: t::ui_cite_bibtex_label(lang),
            text: Signal::derive(move || citation.get().1),
            rows: 7,
            copy_label: t::ui_copy_bibtex(lang),
            copied: t::ui_citation_copied(lang),
        },
    ];
    view! {
        <button type="button" class="action" aria-haspopup="dialog" on:click=open>
            {t::ui_cite(lang)}
        </button>
        <CopyDialog
            dialog=dialog
            heading_id=format!("{id}-cite-title")
            heading=heading
            help=t::ui_cite_help(lang)
            blocks=blocks
            class="cite-dialog"
        />
    }
}
