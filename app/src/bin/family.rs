//! The family build: parents (see `domain::identity::Audience`).
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::FamilyApp);
}
