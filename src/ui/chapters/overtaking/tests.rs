use super::*;

#[test]
fn the_count_note_quotes_both_counts_from_the_data() {
    let note = count_note(ChinaCount::Customs, Lang::En);
    assert!(note.contains("5.22 million in 2023 against CAAM's 4.91 million"), "{note}");
    assert!(count_note(ChinaCount::Caam, Lang::En).starts_with("CAAM"));
    assert!(count_note(ChinaCount::Both, Lang::En).contains("CAAM") && count_note(ChinaCount::Both, Lang::En).contains("customs"));
}

#[test]
fn the_count_note_and_steps_speak_the_readers_language() {
    let german = count_note(ChinaCount::Customs, Lang::De);
    assert!(german.contains("5,22 Mio. im Jahr 2023 gegenüber 4,91 Mio. beim CAAM"), "{german}");
    let chinese = count_note(ChinaCount::Both, Lang::Zh);
    assert!(chinese.starts_with("中国汽车工业协会（中汽协）") && chinese.contains("522万辆"), "{chinese}");
    assert!(!chinese.contains(' '), "{chinese}");
    let dutch = steps(Lang::Nl);
    assert!(quote::plain(&dutch[2].1).contains("4,91 miljoen in 2023"), "{}", dutch[2].1);
    assert_eq!(COUNTS.map(|c| count_label(c, Lang::En)), ["Makers (CAAM)", "Customs", "Both"]);
    assert_eq!(COUNTS.map(|c| count_label(c, Lang::De)), ["Hersteller (CAAM)", "Zoll", "Beide"]);
}

#[test]
fn the_english_steps_keep_their_wording() {
    let english: Vec<(u16, String)> = steps(Lang::En).into_iter().map(|(y, text)| (y, quote::plain(&text))).collect();
    assert_eq!(english.iter().map(|(y, _)| *y).collect::<Vec<_>>(), [2015, 2020, 2023, 2024, 2025]);
    assert!(
        english[0].1.starts_with("For years China was a minor exporter of cars. In 2015 its makers sent 728,200 vehicles abroad"),
        "{}",
        english[0].1
    );
    assert!(english[2].1.ends_with("to become the world's largest exporter of vehicles."), "{}", english[2].1);
}

#[test]
fn the_page_says_which_release_is_the_newest() {
    let text = latest_release(Lang::En).expect("the data has months");
    assert!(text.starts_with("The newest month in these sources is February 2026: CAAM's figures as SteelOrbis"), "{text}");
    assert!(text.contains("12 Mar 2026"), "{text}");
}

#[test]
fn the_year_so_far_reads_as_a_rise_a_fall_or_no_change_in_every_language() {
    let f = exports_by_month::so_far().expect("the data has the year so far");
    let rise = quote::plain(&so_far_text(Lang::En, &f));
    assert!(rise.contains("In January and February 2026 China's makers exported 1.35 million, 48.4% more than"), "{rise}");
    // The same figures the other way round are a fall; a year set against itself, no change.
    let fall = exports_by_month::SoFar { all: f.all_before, all_before: f.all, ..f };
    let level = exports_by_month::SoFar { all_before: f.all, ..f };
    for (lang, fell, same) in [
        (Lang::En, "32.6% fewer than", "as many as"),
        (Lang::De, "32,6 % weniger als", "genauso viele wie"),
        (Lang::Nl, "32,6% minder dan", "evenveel als"),
        (Lang::Zh, "下降32.6%", "持平"),
    ] {
        let text = quote::plain(&so_far_text(lang, &fall));
        assert!(text.contains(fell) && !text.contains("-3"), "{text}");
        let text = quote::plain(&so_far_text(lang, &level));
        assert!(text.contains(same), "{text}");
    }
}
