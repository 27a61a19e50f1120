//! The site header: the app's name, the section navigation (a menu button on narrow
//! screens), the language switch and the theme switch.

use crate::components::display::PresenterTools;
use crate::components::i18n::{t, use_i18n};
use crate::components::icons::MenuIcon;
use crate::components::lang_switch::LangSwitch;
use crate::components::lesson::{stop_href, use_lesson};
use crate::components::theme_toggle::ThemeToggle;
use crate::route;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header with the section navigation.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let (menu_open, set_menu_open) = signal(false);
    // Any navigation closes the menu on a phone.
    Effect::new(move |_| {
        i18n.route.track();
        set_menu_open.set(false);
    });
    let home = move || route::section_path(i18n.base, i18n.lang.get(), Section::Home);
    let lesson = use_lesson();
    let links = Section::ALL
        .into_iter()
        .map(|section| {
            // In a lesson, only its sections, and the scenario opens at its first stop there.
            let shown = move || {
                lesson
                    .lesson
                    .with(|l| l.as_ref().is_none_or(|l| l.shows(section)))
            };
            let href = move || {
                let path = route::section_path(i18n.base, i18n.lang.get(), section);
                lesson.lesson.with(|l| match l {
                    Some(l) if section == Section::Scenario => l
                        .stops
                        .iter()
                        .find(|s| s.section() == section)
                        .map(|stop| stop_href(i18n.base, i18n.lang.get(), l, *stop, None))
                        .unwrap_or(path),
                    _ => path,
                })
            };
            view! {
                <li hidden=move || !shown()>
                    <A href=href exact=true>
                        {t(section.nav_key())}
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="header-bar">
                <A href=home exact=true attr:class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {t("app.name")}
                </A>
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|open| *open = !*open)
                >
                    <MenuIcon />
                    {t("nav.menu")}
                </button>
                <div class="header-tools">
                    <PresenterTools />
                    <LangSwitch />
                    <ThemeToggle />
                </div>
            </div>
            <nav
                id="site-nav"
                class="site-nav"
                class:open=move || menu_open.get()
                aria-label=i18n.t("nav.label")
                on:click=move |_| set_menu_open.set(false)
            >
                <ul>{links}</ul>
            </nav>
        </header>
    }
}
