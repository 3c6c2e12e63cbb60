//! The reader's view as a URL query, and back.
//!
//! Every parameter is read defensively: unknown keys are ignored, a malformed value falls back to
//! its default, and no input panics (see the property tests). Only values that differ from the
//! defaults are written, so a plain link stays plain.

use crate::charts::capacity_vs_output::CapacityView;
use crate::charts::export_destinations::MarketsView;
use crate::charts::exports_by_maker::MakersView;
use crate::charts::exports_by_month::MonthlyView;
use crate::charts::exports_vs_peers::{ChinaCount, OvertakingView, PEERS};
use crate::charts::germany_in_china::GermanyView;
use crate::charts::guess_exports::GuessView;
use crate::charts::investment_abroad::InvestmentView;
use crate::charts::nev_share::NevView;
use crate::charts::outlook_explorer::OutlookView;
use crate::charts::policy_timeline::{PolicyView, actor_ids, filter_param, kind_ids, parse_filter};
use crate::charts::price_war::PriceWarView;
use crate::charts::{CHART_IDS, Choice};
use crate::i18n::Lang;
use crate::story::model::Country;
use crate::story::registry::CHAPTER_IDS;

/// The one-of views of the later chapters' charts, each under its own URL key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChoiceViews {
    pub monthly: MonthlyView,
    pub nev: NevView,
    pub markets: MarketsView,
    pub makers: MakersView,
    pub capacity: CapacityView,
    pub prices: PriceWarView,
    pub investment: InvestmentView,
    pub germany: GermanyView,
}

/// What an `?embed=` parameter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// The whole story without site chrome.
    Story,
    /// One chart by its public id.
    Chart(&'static str),
    /// An id we do not have: the page says so and links to the story.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub embed: Option<Embed>,
    pub chapter: Option<&'static str>,
    pub overtaking: OvertakingView,
    pub choices: ChoiceViews,
    pub policy: PolicyView,
    pub outlook: OutlookView,
    /// The reader's guess in chapter 1, once revealed (`guess=`).
    pub guess: GuessView,
    pub theme: ThemeChoice,
    /// The language asked for in the URL; `None` follows the browser.
    pub lang: Option<Lang>,
    /// pym.js gives each embedded frame an id, echoed in every height message.
    pub child_id: Option<String>,
}

/// Longest value we look at; anything longer is malformed by definition.
const MAX_VALUE_LEN: usize = 200;

impl UrlState {
    /// The view on a page that is itself one chart's embed (`page_chart`, as the page names it):
    /// it stays that chart's embed without `?embed=` in its address, which some hosts strip
    /// from a frame's address. A query that asks for an embed of its own keeps it.
    pub fn on_chart_page(mut self, page_chart: Option<&str>) -> Self {
        if self.embed.is_none()
            && let Some(Embed::Chart(id)) = page_chart.map(parse_embed)
        {
            self.embed = Some(Embed::Chart(id));
        }
        self
    }

    /// The query for the address of a page that is `page_chart`'s embed page (or of the story,
    /// with `None`): an embed page is its chart's embed without saying so.
    pub fn query_on_page(&self, page_chart: Option<&str>) -> String {
        match self.embed {
            Some(Embed::Chart(id)) if page_chart == Some(id) => UrlState { embed: None, ..self.clone() }.to_query(),
            _ => self.to_query(),
        }
    }

    /// The parameters that say where and how the page shows (its frame, chapter, theme and
    /// language), not what the charts show: an address with no other parameter shows every chart
    /// in its default view (`page_params_show_no_view` checks the list against `parse`).
    pub const PAGE_PARAMS: [&'static str; 5] = ["embed", "chapter", "theme", "lang", "childId"];

    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Self {
        let mut state = UrlState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if value.len() > MAX_VALUE_LEN {
                continue;
            }
            match key.as_ref() {
                "embed" => state.embed = Some(parse_embed(&value)),
                "chapter" => state.chapter = CHAPTER_IDS.iter().copied().find(|c| *c == value),
                "count" => state.overtaking.count = parse_count(&value).unwrap_or_default(),
                "peers" => {
                    let defaults = OvertakingView::default();
                    let peers = parse_peers(&value).unwrap_or([defaults.japan, defaults.germany, defaults.korea]);
                    state.overtaking.japan = peers[0];
                    state.overtaking.germany = peers[1];
                    state.overtaking.korea = peers[2];
                }
                "monthly" => state.choices.monthly = Choice::from_id(&value).unwrap_or_default(),
                "nev" => state.choices.nev = Choice::from_id(&value).unwrap_or_default(),
                "markets" => state.choices.markets = Choice::from_id(&value).unwrap_or_default(),
                "makers" => state.choices.makers = Choice::from_id(&value).unwrap_or_default(),
                "capacity" => state.choices.capacity = Choice::from_id(&value).unwrap_or_default(),
                "prices" => state.choices.prices = Choice::from_id(&value).unwrap_or_default(),
                "invest" => state.choices.investment = Choice::from_id(&value).unwrap_or_default(),
                "germany" => state.choices.germany = Choice::from_id(&value).unwrap_or_default(),
                "actors" => state.policy.actors = parse_filter(&value, &actor_ids()).unwrap_or(PolicyView::default().actors),
                "kinds" => state.policy.kinds = parse_filter(&value, &kind_ids()).unwrap_or(PolicyView::default().kinds),
                "guess" => state.guess = GuessView::parse(&value).unwrap_or_default(),
                "growth" => {
                    state.outlook.growth =
                        parse_in_range(&value, crate::charts::outlook_explorer::GROWTH_RANGE).unwrap_or(OutlookView::default().growth)
                }
                "loss" => {
                    state.outlook.loss =
                        parse_in_range(&value, crate::charts::outlook_explorer::LOSS_RANGE).unwrap_or(OutlookView::default().loss)
                }
                "theme" => state.theme = parse_theme(&value).unwrap_or_default(),
                // Only the four codes the page writes (any case); anything else follows the browser.
                "lang" => state.lang = Lang::from_param(&value),
                "childId" => state.child_id = valid_child_id(&value).then(|| value.to_string()),
                _ => {}
            }
        }
        state
    }

    /// The query for this state, without `?`; empty when everything is at its default.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if let Some(embed) = self.embed {
            query.append_pair(
                "embed",
                match embed {
                    Embed::Story => "story",
                    Embed::Chart(id) => id,
                    Embed::Unknown => "unknown",
                },
            );
        }
        self.append_view(&mut query);
        if let Some(id) = &self.child_id {
            query.append_pair("childId", id);
        }
        query.finish()
    }

    /// The query of a link that reopens this view in the full story (no embed, no frame id).
    pub fn story_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        self.append_view(&mut query);
        query.finish()
    }

    fn append_view(&self, query: &mut form_urlencoded::Serializer<'_, String>) {
        if let Some(chapter) = self.chapter {
            query.append_pair("chapter", chapter);
        }
        let defaults = OvertakingView::default();
        if self.overtaking.count != defaults.count {
            query.append_pair("count", count_id(self.overtaking.count));
        }
        if (self.overtaking.japan, self.overtaking.germany, self.overtaking.korea) != (defaults.japan, defaults.germany, defaults.korea) {
            let shown: Vec<&str> = PEERS.iter().filter(|p| self.overtaking.shows(**p)).map(|p| peer_id(*p)).collect();
            query.append_pair("peers", &shown.join(","));
        }
        let choices = self.choices;
        let defaults = ChoiceViews::default();
        append_choice(query, "monthly", choices.monthly, defaults.monthly);
        append_choice(query, "nev", choices.nev, defaults.nev);
        append_choice(query, "markets", choices.markets, defaults.markets);
        append_choice(query, "makers", choices.makers, defaults.makers);
        append_choice(query, "capacity", choices.capacity, defaults.capacity);
        append_choice(query, "prices", choices.prices, defaults.prices);
        append_choice(query, "invest", choices.investment, defaults.investment);
        append_choice(query, "germany", choices.germany, defaults.germany);
        let policy = PolicyView::default();
        if self.policy.actors != policy.actors {
            query.append_pair("actors", &filter_param(self.policy.actors, &actor_ids()));
        }
        if self.policy.kinds != policy.kinds {
            query.append_pair("kinds", &filter_param(self.policy.kinds, &kind_ids()));
        }
        if let Some(guess) = self.guess.param() {
            query.append_pair("guess", &guess);
        }
        let outlook = OutlookView::default();
        if self.outlook.growth != outlook.growth {
            query.append_pair("growth", &self.outlook.growth.to_string());
        }
        if self.outlook.loss != outlook.loss {
            query.append_pair("loss", &self.outlook.loss.to_string());
        }
        if self.theme != ThemeChoice::Auto {
            query.append_pair("theme", self.theme.id());
        }
        if let Some(lang) = self.lang {
            query.append_pair("lang", lang.code());
        }
    }
}

fn append_choice<C: Choice>(query: &mut form_urlencoded::Serializer<'_, String>, key: &str, value: C, default: C) {
    if value != default {
        query.append_pair(key, value.id());
    }
}

/// A whole number within an inclusive range; anything else is malformed.
fn parse_in_range<T: std::str::FromStr + PartialOrd + Copy>(value: &str, range: (T, T)) -> Option<T> {
    value.parse::<T>().ok().filter(|v| *v >= range.0 && *v <= range.1)
}

fn parse_embed(value: &str) -> Embed {
    if value == "story" {
        return Embed::Story;
    }
    CHART_IDS.iter().copied().find(|id| *id == value).map(Embed::Chart).unwrap_or(Embed::Unknown)
}

fn parse_count(value: &str) -> Option<ChinaCount> {
    match value {
        "caam" => Some(ChinaCount::Caam),
        "customs" => Some(ChinaCount::Customs),
        "both" => Some(ChinaCount::Both),
        _ => None,
    }
}

pub fn count_id(count: ChinaCount) -> &'static str {
    match count {
        ChinaCount::Caam => "caam",
        ChinaCount::Customs => "customs",
        ChinaCount::Both => "both",
    }
}

pub fn peer_id(peer: Country) -> &'static str {
    match peer {
        Country::China => "china",
        Country::Japan => "japan",
        Country::Germany => "germany",
        Country::Korea => "korea",
    }
}

/// `japan,korea` -> [true, false, true]; empty means no peers; any unknown name is malformed.
fn parse_peers(value: &str) -> Option<[bool; 3]> {
    let mut shown = [false; 3];
    for name in value.split(',').filter(|n| !n.is_empty()) {
        let index = PEERS.iter().position(|p| peer_id(*p) == name)?;
        shown[index] = true;
    }
    Some(shown)
}

fn parse_theme(value: &str) -> Option<ThemeChoice> {
    match value {
        "auto" => Some(ThemeChoice::Auto),
        "light" => Some(ThemeChoice::Light),
        "dark" => Some(ThemeChoice::Dark),
        _ => None,
    }
}

/// pym.js ids are element ids chosen by the host page; we only echo plain ones.
fn valid_child_id(value: &str) -> bool {
    (1..=64).contains(&value.len()) && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests;
