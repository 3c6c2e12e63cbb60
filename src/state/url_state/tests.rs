use proptest::prelude::*;

use super::*;

#[test]
fn an_empty_query_is_the_default_view() {
    assert_eq!(UrlState::parse(""), UrlState::default());
    assert_eq!(UrlState::parse("?"), UrlState::default());
    assert_eq!(UrlState::default().to_query(), "");
}

#[test]
fn a_chart_page_is_its_charts_embed_without_a_query() {
    let bare = UrlState::parse("").on_chart_page(Some("nev-share"));
    assert_eq!(bare.embed, Some(Embed::Chart("nev-share")));
    // The query still carries the view, and an embed the query asks for wins.
    let view = UrlState::parse("?theme=dark").on_chart_page(Some("nev-share"));
    assert_eq!((view.embed, view.theme), (Some(Embed::Chart("nev-share")), ThemeChoice::Dark));
    assert_eq!(UrlState::parse("?embed=story").on_chart_page(Some("nev-share")).embed, Some(Embed::Story));
    // The story page names no chart, and a name that is no chart is ignored.
    assert_eq!(UrlState::parse("").on_chart_page(None).embed, None);
    assert_eq!(UrlState::parse("").on_chart_page(Some("story")).embed, None);
    assert_eq!(UrlState::parse("").on_chart_page(Some("nope")).embed, None);
    // Its address carries the view alone, and reads back as the same view.
    let on_page = UrlState::parse("?theme=dark").on_chart_page(Some("nev-share"));
    assert_eq!(on_page.query_on_page(Some("nev-share")), "theme=dark");
    assert_eq!(UrlState::parse(&on_page.query_on_page(Some("nev-share"))).on_chart_page(Some("nev-share")), on_page);
    assert!(on_page.query_on_page(None).contains("embed=nev-share"));
}

#[test]
fn reads_every_parameter() {
    let state = UrlState::parse("?embed=exports-vs-peers&chapter=overtaking&count=customs&peers=japan,korea&theme=dark&childId=chart-1");
    assert_eq!(state.embed, Some(Embed::Chart("exports-vs-peers")));
    assert_eq!(state.chapter, Some("overtaking"));
    assert_eq!(state.overtaking.count, ChinaCount::Customs);
    assert!(state.overtaking.japan && !state.overtaking.germany && state.overtaking.korea);
    assert_eq!(state.theme, ThemeChoice::Dark);
    assert_eq!(state.child_id.as_deref(), Some("chart-1"));
    assert_eq!(UrlState::parse("lang=de").lang, Some(Lang::De));
    assert_eq!(UrlState::parse("lang=zh-Hans").lang, Some(Lang::Zh));
    assert_eq!(UrlState::parse("lang=ZH").lang, Some(Lang::Zh));
    assert_eq!(UrlState::parse("lang=nl").to_query(), "lang=nl");
}

#[test]
fn malformed_values_fall_back_and_unknown_keys_are_ignored() {
    let state = UrlState::parse("count=lots&peers=japan,mars&theme=purple&chapter=9&childId=<script>&utm_source=x&embed");
    assert_eq!(state.overtaking, OvertakingView::default());
    assert_eq!(state.theme, ThemeChoice::Auto);
    assert_eq!(state.chapter, None);
    assert_eq!(state.child_id, None);
    assert_eq!(state.embed, Some(Embed::Unknown));
    for bad in ["lang=fr", "lang=zh-TW", "lang=<script>", "lang=", "lang=deu"] {
        assert_eq!(UrlState::parse(bad).lang, None, "{bad}");
    }
    assert_eq!(UrlState::parse("embed=story").embed, Some(Embed::Story));
    assert_eq!(UrlState::parse("embed=%E0%A4%A").embed, Some(Embed::Unknown), "bad encodings are unknown ids");
}

#[test]
fn later_chapters_views_are_read_and_checked() {
    let state = UrlState::parse("markets=2023-value&nev=share&actors=eu,china&kinds=tariff&growth=-5&loss=20&invest=fdi");
    assert_eq!(state.choices.markets, MarketsView::Value2023);
    assert_eq!(state.choices.nev, NevView::Share);
    assert_eq!(state.choices.investment, InvestmentView::OutboundFdi);
    assert_eq!(state.policy, PolicyView { actors: 0b1000_0001, kinds: 1 });
    assert_eq!(state.outlook, OutlookView { growth: -5, loss: 20 });
    let bad = UrlState::parse("markets=1999&growth=500&loss=-1&actors=eu,mars&kinds=%FF");
    assert_eq!(bad.choices, ChoiceViews::default());
    assert_eq!(bad.outlook, OutlookView::default());
    assert_eq!(bad.policy, PolicyView::default());
}

#[test]
fn empty_peers_means_china_alone() {
    let state = UrlState::parse("peers=");
    assert!(!state.overtaking.japan && !state.overtaking.germany && !state.overtaking.korea);
    assert_eq!(state.story_query(), "peers=");
}

#[test]
fn the_story_link_drops_embed_and_frame_id() {
    let state = UrlState::parse("embed=exports-vs-peers&count=both&childId=c1");
    assert_eq!(state.to_query(), "embed=exports-vs-peers&count=both&childId=c1");
    assert_eq!(state.story_query(), "count=both");
}

fn any_state() -> impl Strategy<Value = UrlState> {
    let embed = prop_oneof![
        Just(None),
        Just(Some(Embed::Story)),
        Just(Some(Embed::Unknown)),
        proptest::sample::select(CHART_IDS.to_vec()).prop_map(|id| Some(Embed::Chart(id))),
    ];
    let chapter = prop_oneof![Just(None), proptest::sample::select(CHAPTER_IDS.to_vec()).prop_map(Some)];
    let count = prop_oneof![Just(ChinaCount::Caam), Just(ChinaCount::Customs), Just(ChinaCount::Both)];
    let theme = prop_oneof![Just(ThemeChoice::Auto), Just(ThemeChoice::Light), Just(ThemeChoice::Dark)];
    let child = proptest::option::of("[A-Za-z0-9_-]{1,64}");
    let lang = proptest::option::of(proptest::sample::select(Lang::ALL.to_vec()));
    let choices = (
        (proptest::sample::select(NevView::ALL).prop_map(|c| c.0), proptest::sample::select(MonthlyView::ALL).prop_map(|c| c.0)),
        proptest::sample::select(MarketsView::ALL).prop_map(|c| c.0),
        proptest::sample::select(MakersView::ALL).prop_map(|c| c.0),
        proptest::sample::select(CapacityView::ALL).prop_map(|c| c.0),
        proptest::sample::select(PriceWarView::ALL).prop_map(|c| c.0),
        proptest::sample::select(InvestmentView::ALL).prop_map(|c| c.0),
        proptest::sample::select(GermanyView::ALL).prop_map(|c| c.0),
    )
        .prop_map(|((nev, monthly), markets, makers, capacity, prices, investment, germany)| ChoiceViews {
            monthly,
            nev,
            markets,
            makers,
            capacity,
            prices,
            investment,
            germany,
        });
    let policy = (0..=crate::charts::policy_timeline::ALL_ACTORS, 0..=crate::charts::policy_timeline::ALL_KINDS)
        .prop_map(|(actors, kinds)| PolicyView { actors, kinds });
    let outlook = (-15i8..=25, 0u8..=50).prop_map(|(growth, loss)| OutlookView { growth, loss });
    let guess = proptest::option::of(proptest::array::uniform6(proptest::option::of(0u8..=100)))
        .prop_map(|g| g.map(|guesses| GuessView { guesses, revealed: true }).unwrap_or_default());
    (embed, chapter, count, any::<[bool; 3]>(), theme, child, choices, (policy, outlook, lang, guess)).prop_map(
        |(embed, chapter, count, peers, theme, child_id, choices, (policy, outlook, lang, guess))| UrlState {
            embed,
            chapter,
            overtaking: OvertakingView { count, japan: peers[0], germany: peers[1], korea: peers[2] },
            choices,
            policy,
            outlook,
            guess,
            theme,
            lang,
            child_id,
        },
    )
}

proptest! {
    #[test]
    fn state_survives_a_round_trip_through_the_url(state in any_state()) {
        prop_assert_eq!(UrlState::parse(&state.to_query()), state);
    }

    #[test]
    fn any_input_parses_without_panicking(query in ".{0,400}") {
        let state = UrlState::parse(&query);
        // Whatever came in, what goes out parses back to the same view.
        prop_assert_eq!(UrlState::parse(&state.to_query()), state);
    }

    #[test]
    fn any_bytes_parse_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let query = String::from_utf8_lossy(&bytes);
        let _ = UrlState::parse(&query);
    }
}

#[test]
fn page_params_show_no_view() {
    // Each page parameter, with a value it takes, changes the page but no chart's view.
    let values = ["exports-vs-peers", "overtaking", "dark", "de", "frame-1"];
    for (param, value) in UrlState::PAGE_PARAMS.iter().zip(values) {
        let state = UrlState::parse(&format!("{param}={value}"));
        assert_ne!(state, UrlState::default(), "{param} is read");
        for id in crate::story::registry::CHART_IDS {
            assert_eq!(crate::state::shared_views::share_page_of(id, &state), Some(None), "{param}: {id} in its default view");
        }
    }
    // A chart's parameter does.
    assert_eq!(
        crate::state::shared_views::share_page_of("exports-vs-peers", &UrlState::parse("count=customs")),
        Some(Some("count-customs".to_string()))
    );
}
