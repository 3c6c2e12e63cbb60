use leptos::prelude::*;

use crate::i18n::t;
use crate::story::table::Table;

/// The numbers behind a chart; gaps stay empty and caveats become numbered footnotes.
#[component]
pub fn DataTable(#[prop(into)] table: Signal<Table>, caption: &'static str, id: &'static str) -> impl IntoView {
    view! {
        // A wide table scrolls inside its frame rather than the page; the region takes keyboard
        // focus so it can be scrolled without a mouse.
        <div class="table-scroll" role="region" tabindex="0" aria-label=caption>
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || table.with(|t| t.row_header)}</th>
                        {move || {
                            table.with(|t| t.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        table
                            .with(|t| {
                                let notes = t.footnotes();
                                t.rows
                                    .iter()
                                    .map(|row| {
                                        let cells = t
                                            .columns
                                            .iter()
                                            .zip(&row.cells)
                                            .map(|(column, cell)| match cell {
                                                Some(cell) => {
                                                    let note = Table::footnote_number(&notes, &row.label, column);
                                                    view! {
                                                        <td
                                                            data-value=cell.value.map(|v| v.to_string())
                                                            class:text-cell=cell.value.is_none()
                                                        >
                                                            {cell.text.clone()}
                                                            {note
                                                                .map(|n| {
                                                                    view! {
                                                                        <sup class="footnote-ref">
                                                                            <a href=format!("#{id}-note-{n}")>{n.to_string()}</a>
                                                                        </sup>
                                                                    }
                                                                })}
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                                None => {
                                                    view! {
                                                        <td class="gap">
                                                            <span class="visually-hidden">{t::common_no_figure(t.lang)}</span>
                                                            <span aria-hidden="true">"–"</span>
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                            })
                                            .collect_view();
                                        view! {
                                            <tr>
                                                <th scope="row">{row.label.clone()}</th>
                                                {cells}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </div>
        <ol class="footnotes">
            {move || {
                table
                    .with(|t| {
                        t.footnotes()
                            .into_iter()
                            .enumerate()
                            .map(|(i, f)| {
                                view! { <li id=format!("{id}-note-{}", i + 1)>{t::ui_footnote(t.lang, &f.column, &f.row, &f.text)}</li> }
                            })
                            .collect_view()
                    })
            }}
        </ol>
    }
}
