//! The mount handle's reach into a mounted form: `setSessionToken`, `reset` and
//! `validate` from JS. The app registers what each does once it has something to act on;
//! the handle clears them before the form is disposed, so a late call does nothing.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

#[derive(Default)]
struct Hooks {
    set_session_token: Option<Rc<dyn Fn(String)>>,
    reset: Option<Rc<dyn Fn()>>,
    validate: Option<Rc<dyn Fn() -> JsValue>>,
}

/// Shared between a [`crate::MountHandle`] and the app it mounted.
#[derive(Clone, Default)]
pub struct Control(Rc<RefCell<Hooks>>);

impl Control {
    pub fn on_session_token(&self, hook: impl Fn(String) + 'static) {
        self.0.borrow_mut().set_session_token = Some(Rc::new(hook));
    }

    pub fn on_reset(&self, hook: impl Fn() + 'static) {
        self.0.borrow_mut().reset = Some(Rc::new(hook));
    }

    pub fn on_validate(&self, hook: impl Fn() -> JsValue + 'static) {
        self.0.borrow_mut().validate = Some(Rc::new(hook));
    }

    /// Forgets every hook (before the form is disposed).
    pub fn clear(&self) {
        *self.0.borrow_mut() = Hooks::default();
    }

    // Each call clones the hook out first, so a hook may register others while it runs.
    pub fn set_session_token(&self, token: String) {
        let hook = self.0.borrow().set_session_token.clone();
        if let Some(hook) = hook {
            hook(token);
        }
    }

    pub fn reset(&self) {
        let hook = self.0.borrow().reset.clone();
        if let Some(hook) = hook {
            hook();
        }
    }

    /// `null` while the form is not loaded yet.
    pub fn validate(&self) -> JsValue {
        let hook = self.0.borrow().validate.clone();
        hook.map_or(JsValue::NULL, |hook| hook())
    }
}
