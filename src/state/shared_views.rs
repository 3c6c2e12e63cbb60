//! The views of a chart that have a share page and card of their own: every view a reader reaches
//! with the chart's choices and toggles. The guess, the explorer's sliders (whose range is
//! continuous) and the timeline's filters (thirteen toggles: 8,192 views) have their default
//! view's page only; their other views are linked to by address.
//!
//! A view's page lives at `charts/<chart-id>/<view key>/` (`crate::story::site`), where the key is
//! the view's query written as a path segment; the build writes one per view and language, and
//! "Copy link" gives it.

use crate::charts::exports_vs_peers::{self, ChinaCount, OvertakingView};
use crate::charts::{
    Choice, capacity_vs_output, export_destinations, exports_by_maker, exports_by_month, germany_in_china, investment_abroad, nev_share,
    price_war,
};
use crate::state::url_state::{ChoiceViews, UrlState};

/// What to do with a chart's own choices, wherever the reader's view keeps them: list every view
/// they reach, or put them back to their defaults.
trait OwnChoices {
    type Out;
    /// The first chart's count and peers (`UrlState::overtaking`).
    fn overtaking(self) -> Self::Out;
    /// A one-of choice, kept in `field` of the later chapters' views.
    fn choice<V: Choice>(self, field: fn(&mut ChoiceViews) -> &mut V) -> Self::Out;
}

/// The one list of the charts whose views have pages of their own, with where each keeps its
/// choices; `None` for the others.
fn own_choices<O: OwnChoices>(id: &str, own: O) -> Option<O::Out> {
    Some(match id {
        exports_vs_peers::CHART_ID => own.overtaking(),
        exports_by_month::CHART_ID => own.choice(|c| &mut c.monthly),
        nev_share::CHART_ID => own.choice(|c| &mut c.nev),
        export_destinations::CHART_ID => own.choice(|c| &mut c.markets),
        exports_by_maker::CHART_ID => own.choice(|c| &mut c.makers),
        capacity_vs_output::CHART_ID => own.choice(|c| &mut c.capacity),
        price_war::CHART_ID => own.choice(|c| &mut c.prices),
        investment_abroad::CHART_ID => own.choice(|c| &mut c.investment),
        germany_in_china::CHART_ID => own.choice(|c| &mut c.germany),
        _ => return None,
    })
}

/// The first chart's counts, in the order its choice shows them.
const COUNTS: [ChinaCount; 3] = [ChinaCount::Caam, ChinaCount::Customs, ChinaCount::Both];

/// Every view the choices reach, the default first.
struct Listing;

impl OwnChoices for Listing {
    type Out = Vec<UrlState>;

    fn overtaking(self) -> Vec<UrlState> {
        let mut views = Vec::new();
        for count in COUNTS {
            // The default (every peer shown) first within each count.
            for hidden in 0..8u8 {
                let (japan, germany, korea) = (hidden & 1 == 0, hidden & 2 == 0, hidden & 4 == 0);
                let overtaking = OvertakingView { count, japan, germany, korea };
                views.push(UrlState { overtaking, ..UrlState::default() });
            }
        }
        views
    }

    fn choice<V: Choice>(self, field: fn(&mut ChoiceViews) -> &mut V) -> Vec<UrlState> {
        V::ALL
            .iter()
            .map(|(view, _)| {
                let mut state = UrlState::default();
                *field(&mut state.choices) = *view;
                state
            })
            .collect()
    }
}

/// A view changed by one control.
type Control = Box<dyn Fn(&UrlState) -> UrlState>;

/// What each of the chart's controls does to a view, in the order the chart shows them: its
/// choice's options, then its toggles.
struct Controls;

impl OwnChoices for Controls {
    type Out = Vec<Control>;

    fn overtaking(self) -> Vec<Control> {
        let with = |change: fn(&mut OvertakingView)| -> Control {
            Box::new(move |view: &UrlState| {
                let mut view = view.clone();
                change(&mut view.overtaking);
                view
            })
        };
        let counts = COUNTS.into_iter().map(|count| -> Control {
            Box::new(move |view: &UrlState| {
                let mut view = view.clone();
                view.overtaking.count = count;
                view
            })
        });
        counts.chain([with(|o| o.japan = !o.japan), with(|o| o.germany = !o.germany), with(|o| o.korea = !o.korea)]).collect()
    }

    fn choice<V: Choice>(self, field: fn(&mut ChoiceViews) -> &mut V) -> Vec<Control> {
        V::ALL
            .iter()
            .map(|(choice, _)| {
                let choice = *choice;
                Box::new(move |view: &UrlState| {
                    let mut view = view.clone();
                    *field(&mut view.choices) = choice;
                    view
                }) as Control
            })
            .collect()
    }
}

/// Where each control leads from each view of `id`: for the view at index `i` of
/// [`shared_views`], the index of the view its control `c` (in the chart's order) reaches. Empty
/// for a chart whose views have no pages of their own.
pub fn transitions(id: &str) -> Vec<Vec<usize>> {
    let views = shared_views(id);
    let Some(controls) = own_choices(id, Controls) else { return Vec::new() };
    let queries: Vec<String> = views.iter().map(UrlState::story_query).collect();
    views
        .iter()
        .map(|view| {
            controls
                .iter()
                .map(|control| {
                    let next = control(view).story_query();
                    queries.iter().position(|q| *q == next).expect("every control leads to a listed view")
                })
                .collect()
        })
        .collect()
}

/// How many of the chart's controls, first in its order, are the options of its one-of choice.
struct OptionCount;

impl OwnChoices for OptionCount {
    type Out = usize;

    fn overtaking(self) -> usize {
        COUNTS.len()
    }

    fn choice<V: Choice>(self, _: fn(&mut ChoiceViews) -> &mut V) -> usize {
        V::ALL.len()
    }
}

/// The views that the options of chart `id`'s one-of choice reach from its default view, as
/// (the option's place among the options, from 0; the view's place in [`shared_views`]): what a
/// reader without scripts reaches, since the options are native radio buttons (the toggles need
/// the app). The option that keeps the default view is left out.
pub fn choice_views(id: &str) -> Vec<(usize, usize)> {
    let Some(options) = own_choices(id, OptionCount) else { return Vec::new() };
    let from_default = transitions(id).into_iter().next().unwrap_or_default();
    from_default.into_iter().take(options).enumerate().filter(|&(_, view)| view != 0).collect()
}

/// The view with the chart's own choices at their defaults.
struct Reset<'a>(&'a mut UrlState);

impl OwnChoices for Reset<'_> {
    type Out = ();

    fn overtaking(self) {
        self.0.overtaking = OvertakingView::default();
    }

    fn choice<V: Choice>(self, field: fn(&mut ChoiceViews) -> &mut V) {
        *field(&mut self.0.choices) = V::default();
    }
}

/// Every view of `id` with a share page of its own, the default first.
pub fn shared_views(id: &str) -> Vec<UrlState> {
    own_choices(id, Listing).unwrap_or_else(|| vec![UrlState::default()])
}

/// A view's key in its share page's address: its query as a path segment (`count-customs_peers-japan`);
/// `None` for the default view, whose page is the chart's own.
pub fn view_key(view: &UrlState) -> Option<String> {
    let query = view.story_query();
    (!query.is_empty()).then(|| query.replace("%2C", "+").replace('=', "-").replace('&', "_"))
}

/// The share page of the reader's view of chart `id`: `Some(None)` for the chart's own page (the
/// default view), `Some(Some(key))` for a view's page, `None` when the view has none (another
/// chart's view differs from its default too, or the chart's views have no pages of their own).
/// Worked out from the view itself rather than by listing [`shared_views`], which the page
/// would then carry.
pub fn share_page_of(id: &str, state: &UrlState) -> Option<Option<String>> {
    let view = UrlState { embed: None, chapter: None, theme: Default::default(), lang: None, child_id: None, ..state.clone() };
    if view.story_query().is_empty() {
        return Some(None);
    }
    let mut others = view.clone();
    own_choices(id, Reset(&mut others))?;
    others.story_query().is_empty().then(|| view_key(&view))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::registry::CHART_IDS;

    #[test]
    fn the_choices_reach_their_views_from_the_default() {
        // The first chart's count: customs and both, each with every peer shown.
        assert_eq!(choice_views(exports_vs_peers::CHART_ID), vec![(1, 8), (2, 16)]);
        for id in CHART_IDS {
            let Some(options) = own_choices(id, OptionCount) else { continue };
            let reached: Vec<usize> = choice_views(id).into_iter().map(|(_, view)| view).collect();
            // Every option but the default's reaches a view of its own, and only the choice
            // differs from the default there.
            assert_eq!(reached.len(), options - 1, "{id}");
            for view in reached {
                let mut back = shared_views(id)[view].clone();
                own_choices(id, Reset(&mut back));
                assert_eq!(back.story_query(), "", "{id}: view {view}");
            }
        }
        let reached: usize = CHART_IDS.iter().map(|id| choice_views(id).len()).sum();
        assert!(reached >= 10, "{reached} views reached by the choices");
    }

    #[test]
    fn each_chart_has_its_default_first_and_distinct_keys() {
        for id in CHART_IDS {
            let views = shared_views(id);
            assert_eq!(view_key(&views[0]), None, "{id}");
            let mut keys: Vec<String> = views.iter().filter_map(view_key).collect();
            assert_eq!(keys.len(), views.len() - 1, "{id}");
            assert!(keys.iter().all(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || "-_+".contains(c))), "{id}: {keys:?}");
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), views.len() - 1, "{id}: keys repeat");
        }
        assert_eq!(shared_views(exports_vs_peers::CHART_ID).len(), 24);
    }

    #[test]
    fn the_readers_view_finds_its_page() {
        let id = exports_vs_peers::CHART_ID;
        let view = UrlState::parse("?count=customs&peers=japan&theme=dark&chapter=overtaking");
        assert_eq!(share_page_of(id, &view), Some(Some("count-customs_peers-japan".to_string())));
        assert_eq!(share_page_of(id, &UrlState::parse("?theme=dark")), Some(None));
        // Another chart's choice too: that view has no page of its own.
        assert_eq!(share_page_of(id, &UrlState::parse("?count=customs&nev=share")), None);
        assert_eq!(share_page_of(nev_share::CHART_ID, &UrlState::parse("?nev=share")), Some(Some("nev-share".to_string())));
        assert_eq!(share_page_of("policy-timeline", &UrlState::parse("?theme=dark")), Some(None));
        // Every listed view finds its own page, and the rule finds no page that is not listed.
        for id in CHART_IDS {
            let views = shared_views(id);
            for view in &views {
                assert_eq!(share_page_of(id, view), Some(view_key(view)), "{id}: {}", view.story_query());
            }
        }
        let not_listed = UrlState::parse("?policy=x&count=customs");
        // Each control leads to the view it names: Customs from the default, then Japan hidden.
        let next = transitions(id);
        let views = shared_views(id);
        assert_eq!(next.len(), 24);
        assert_eq!(views[next[0][1]].story_query(), "count=customs");
        assert_eq!(views[next[next[0][1]][3]].story_query(), "count=customs&peers=germany%2Ckorea");
        assert!(next.iter().enumerate().all(|(i, row)| row[3] != i && next[row[3]][3] == i), "a toggle pressed twice comes back");
        assert_eq!(transitions(nev_share::CHART_ID), vec![vec![0, 1], vec![0, 1]]);
        assert!(transitions("policy-timeline").is_empty());
        assert_eq!(
            share_page_of(id, &not_listed),
            shared_views(id).iter().find(|v| v.story_query() == not_listed.story_query()).map(view_key)
        );
    }
}
