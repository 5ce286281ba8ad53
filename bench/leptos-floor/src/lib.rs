//! A minimal Leptos 0.8 CSR form: the size floor any Leptos widget starts from.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
fn Form() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let country = RwSignal::new(String::from("US"));
    let touched = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        let mut e = Vec::new();
        if name.with(|n| n.trim().is_empty()) {
            e.push("Enter your name");
        }
        if !email.with(|m| m.contains('@')) {
            e.push("Enter an email address");
        }
        e
    });
    view! {
        <form on:submit=move |ev| { ev.prevent_default(); touched.set(true); }>
            <Show when=move || touched.get() && !errors.get().is_empty()>
                <ul><For each=move || errors.get() key=|e| *e let:e><li>{e}</li></For></ul>
            </Show>
            <label for="n">"Name"</label>
            <input id="n" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="e">"Email"</label>
            <input id="e" type="email" prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            <label for="c">"City"</label>
            <input id="c" prop:value=move || city.get() on:input=move |ev| city.set(event_target_value(&ev))/>
            <select prop:value=move || country.get() on:change=move |ev| country.set(event_target_value(&ev))>
                <option value="US">"United States"</option><option value="BR">"Brazil"</option>
            </select>
            <button type="submit">"Save"</button>
        </form>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Form);
}
