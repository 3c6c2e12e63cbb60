//! The reader's choices for the whole page, shared through context and mirrored in the URL.

use leptos::prelude::*;

use crate::charts::overtaking::OvertakingView;
use crate::url_state::{Embed, ThemeChoice, UrlState};

#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub overtaking: RwSignal<OvertakingView>,
    pub theme: RwSignal<ThemeChoice>,
    pub chapter: RwSignal<Option<&'static str>>,
    /// How the page was opened; fixed for the page's life.
    pub embed: Option<Embed>,
    pub child_id: StoredValue<Option<String>>,
}

impl AppState {
    pub fn new(url: &UrlState) -> Self {
        Self {
            overtaking: RwSignal::new(url.overtaking),
            theme: RwSignal::new(url.theme),
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
            theme: self.theme.get(),
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
