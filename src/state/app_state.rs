//! The reader's choices for the whole page, shared through context and mirrored in the URL.

use leptos::prelude::*;

use crate::charts::capacity_vs_output::CapacityView;
use crate::charts::export_destinations::MarketsView;
use crate::charts::exports_by_maker::MakersView;
use crate::charts::exports_by_month::MonthlyView;
use crate::charts::exports_vs_peers::OvertakingView;
use crate::charts::germany_in_china::GermanyView;
use crate::charts::guess_exports::GuessView;
use crate::charts::investment_abroad::InvestmentView;
use crate::charts::nev_share::NevView;
use crate::charts::outlook_explorer::OutlookView;
use crate::charts::policy_timeline::PolicyView;
use crate::charts::price_war::PriceWarView;
use crate::i18n::Lang;
use crate::state::url_state::{ChoiceViews, Embed, ThemeChoice, UrlState};

#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub overtaking: RwSignal<OvertakingView>,
    pub monthly: RwSignal<MonthlyView>,
    pub nev: RwSignal<NevView>,
    pub markets: RwSignal<MarketsView>,
    pub makers: RwSignal<MakersView>,
    pub capacity: RwSignal<CapacityView>,
    pub prices: RwSignal<PriceWarView>,
    pub investment: RwSignal<InvestmentView>,
    pub germany: RwSignal<GermanyView>,
    pub policy: RwSignal<PolicyView>,
    pub outlook: RwSignal<OutlookView>,
    pub guess: RwSignal<GuessView>,
    pub theme: RwSignal<ThemeChoice>,
    /// The language the reader picked (from the URL or the switch); `None` follows the browser.
    pub lang: RwSignal<Option<Lang>>,
    pub chapter: RwSignal<Option<&'static str>>,
    /// How the page was opened; fixed for the page's life.
    pub embed: Option<Embed>,
    pub child_id: StoredValue<Option<String>>,
}

impl AppState {
    pub fn new(url: &UrlState) -> Self {
        Self {
            overtaking: RwSignal::new(url.overtaking),
            monthly: RwSignal::new(url.choices.monthly),
            nev: RwSignal::new(url.choices.nev),
            markets: RwSignal::new(url.choices.markets),
            makers: RwSignal::new(url.choices.makers),
            capacity: RwSignal::new(url.choices.capacity),
            prices: RwSignal::new(url.choices.prices),
            investment: RwSignal::new(url.choices.investment),
            germany: RwSignal::new(url.choices.germany),
            policy: RwSignal::new(url.policy),
            outlook: RwSignal::new(url.outlook),
            guess: RwSignal::new(url.guess),
            theme: RwSignal::new(url.theme),
            lang: RwSignal::new(url.lang),
            chapter: RwSignal::new(url.chapter),
            embed: url.embed,
            child_id: StoredValue::new(url.child_id.clone()),
        }
    }

    /// The state as a URL state; reading it inside an effect tracks every choice.
    pub fn to_url_state(&self) -> UrlState {
        UrlState {
            embed: self.embed,
            chapter: self.chapter.get(),
            overtaking: self.overtaking.get(),
            choices: ChoiceViews {
                monthly: self.monthly.get(),
                nev: self.nev.get(),
                markets: self.markets.get(),
                makers: self.makers.get(),
                capacity: self.capacity.get(),
                prices: self.prices.get(),
                investment: self.investment.get(),
                germany: self.germany.get(),
            },
            policy: self.policy.get(),
            outlook: self.outlook.get(),
            guess: self.guess.get(),
            theme: self.theme.get(),
            lang: self.lang.get(),
            child_id: self.child_id.get_value(),
        }
    }
}

/// The page's state from context; outside the app (a component under test) a default state is
/// created and provided, so the component and its children share it.
pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| {
        let state = AppState::new(&UrlState::default());
        provide_context(state);
        state
    })
}
