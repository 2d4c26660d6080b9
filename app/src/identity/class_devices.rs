//! The school's open class iPads on the administration screen: the leader or the office closes one
//! that was lost or left open, from any device, after confirming.

use crate::components::ErrorNote;
use crate::i18n::messages::{close_device, confirm_close_device, open_device};
use crate::i18n::{IdentityKey, Key, t};
use domain::AppError;
use domain::identity::OpenClassDevice;
use leptos::prelude::*;

#[server(endpoint = "open_class_devices")]
pub async fn open_class_devices() -> Result<Vec<OpenClassDevice>, AppError> {
    backend::identity::class_device::open_devices(&crate::request_ctx()?).await
}

#[server(endpoint = "revoke_class_device")]
pub async fn revoke_class_device(device_id: i64) -> Result<(), AppError> {
    backend::identity::class_device::revoke(&crate::request_ctx()?, device_id).await
}

#[component]
pub fn OpenDevicesSection() -> impl IntoView {
    let devices = LocalResource::new(open_class_devices);
    let revoke = ServerAction::<RevokeClassDevice>::new();
    // The device the leader asked to close, waiting for "Ja, luk den".
    let asking = RwSignal::new(None::<i64>);
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            asking.set(None);
            devices.refetch();
        }
    });
    view! {
        <section class="card" aria-labelledby="open-devices-title">
            <h2 id="open-devices-title">{t(IdentityKey::OpenDevicesTitle)}</h2>
            <p>{t(IdentityKey::OpenDevicesIntro)}</p>
            // Only while there is something to say: the administration screen's other sections
            // have their own status lines.
            {move || matches!(revoke.value().get(), Some(Ok(()))).then(|| view! {
                <p role="status">{t(IdentityKey::DeviceClosed)}</p>
            })}
            {move || match revoke.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
            {move || match devices.get() {
                None => view! { <p>{t(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{t(IdentityKey::NoOpenDevices)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="card-list">
                        {list.into_iter().map(|d| {
                            let id = d.id;
                            let class = d.class_name.clone();
                            view! {
                                <li>
                                    <p>{open_device(&d.class_name, &d.opened_at, &d.opened_by, d.pupils_signed_in)}</p>
                                    {move || if asking.get() == Some(id) {
                                        view! {
                                            <div role="group" aria-label=confirm_close_device(&class) class="button-row">
                                                <p>{confirm_close_device(&class)}</p>
                                                <button type="button" on:click=move |_| {
                                                    revoke.dispatch(RevokeClassDevice { device_id: id });
                                                }>{t(IdentityKey::ConfirmCloseDevice)}</button>
                                                <button type="button" on:click=move |_| asking.set(None)>
                                                    {t(IdentityKey::CancelCloseDevice)}
                                                </button>
                                            </div>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" on:click=move |_| asking.set(Some(id))>
                                                {close_device(&class)}
                                            </button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
