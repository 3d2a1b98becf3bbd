//! `/tillganglighet`: the accessibility statement public bodies must publish.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::head::{lead, set_title};

#[component]
pub fn Accessibility() -> impl IntoView {
    set_title("Tillgänglighetsredogörelse");
    view! {
        <div class="wrap prose">
            // A soft hyphen at the compound joint: the word is wider than a phone.
            <h1>"Tillgänglighets\u{ad}redogörelse"</h1>
            {lead("Kommunförbundet Kalmar län står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den.")}

            <h2>"Hur tillgänglig är webbplatsen?"</h2>
            <p>"Webbplatsen ska uppfylla kraven i lagen (2018:1937) om tillgänglighet till digital offentlig service, som hänvisar till standarden WCAG 2.1 på nivå AA."</p>
            <ul>
                <li>"Varje diagram har en sammanfattning i text och samma siffror i en tabell."</li>
                <li>"Färg är aldrig det enda sättet att skilja uppgifter åt: staplar har etiketter med sina värden."</li>
                <li>"Hela webbplatsen går att använda med tangentbord, och en genväg leder förbi menyn till innehållet."</li>
                <li>"Sidorna fungerar på mobil och kan skrivas ut."</li>
            </ul>

            <h2>"Kända brister"</h2>
            <ul>
                <li>"Utan JavaScript går sidorna att läsa, men sökningen, filtren i planen och valen i statistikverktyget fungerar inte, och statistiken visas bara i sitt standardval."</li>
            </ul>

            <h2>"Hur vi har testat webbplatsen"</h2>
            <p>"Varje sida testas automatiskt med verktyget axe-core i en riktig webbläsare varje gång webbplatsen byggs, mot kraven i WCAG 2.1 nivå A och AA. Vi granskar också sidorna med tangentbord och i smala fönster."</p>

            <h2>"Rapportera brister"</h2>
            <p>"Om du upptäcker problem som inte beskrivs här, eller behöver innehåll i ett annat format, kontakta Kommunförbundet Kalmar län."</p>

            <h2>"Tillsyn"</h2>
            <p>"Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg."</p>

            <p><A href=href("/om-data")>"Om data och källor"</A></p>
        </div>
    }
}
