//! `/om-data`: where the numbers come from and how they are published.

use leptos::prelude::*;

use kfkl_core::publications::Kind;

use crate::head::{lead, set_title};
use crate::registry::index;

#[component]
pub fn About() -> impl IntoView {
    set_title("Om data och källor");
    view! {
        <div class="wrap prose">
            <h1>"Om data och källor"</h1>
            {lead("Varje siffra på webbplatsen har en källa: dokument och avsnitt, eller utgivare. Källan visas under varje diagram och vid varje nyckeltal.")}

            <h2>"Källor"</h2>
            <dl>
                {document_sources()}
                <dt>"CAN:s nationella skolundersökning"</dt>
                <dd>"Centralförbundet för alkohol- och narkotikaupplysning (CAN): publicerade resultat för riket och Kalmar län."</dd>
                <dt>"LUPP"</dt>
                <dd>"Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF): enkäten Lokal uppföljning av ungdomspolitiken."</dd>
                <dt>"Kommunkoder"</dt>
                <dd>"Statistiska centralbyrån (SCB): länets 12 kommuner med sina officiella kommunkoder."</dd>
                <dt>"Kommungränser"</dt>
                <dd>"Kartans kommungränser är förenklade från Valmyndighetens kommungränser (via okfse/sweden-geojson). De är grova och gjorda för en översiktskarta, inte för att mäta avstånd eller ytor."</dd>
            </dl>

            <h2>"Så tas siffrorna fram"</h2>
            <p>"Källorna förs in i redigerbara filer. När webbplatsen byggs kontrolleras varje nyckeltal mot källdokumentets text: meningen som anges som källa måste finnas i dokumentet, och talet måste stå i meningen. Ord som ”drygt”, ”cirka” och ”nära” behålls. Om något inte stämmer stoppas bygget med fil, rad och orsak."</p>
            <p>"Där verkliga kommunresultat ännu inte finns kan webbplatsen visa exempeldata för att visa hur sidorna fungerar. Exempeldata är alltid märkt med en tydlig banderoll: ”Exempeldata – inte verkliga resultat”."</p>

            <h2 id="jamforelser">"Jämförelser med länet"</h2>
            <p>"En kommuns andel skiljer sig nästan alltid lite från länets, även när ungdomarna i kommunen inte har det annorlunda: vilka som råkar svara ett visst år spelar in. Därför står det ”högre än länet” eller ”lägre än länet” bara där skillnaden är större än vad slumpen rimligen kan förklara. Annars står det ”ingen säker skillnad”."</p>
            <p>"Så prövas det: kommunen jämförs med resten av länet, alltså länets svarande utom kommunens egna, så att kommunen inte jämförs med sig själv. Ju fler som har svarat, desto mindre skillnad behövs. Skillnaden räknas som säker när den är större än 1,96 gånger den osäkerhet som antalet svarande på båda sidor ger (ett test av två andelar på 95 procents nivå). Det betyder att en skillnad som bara beror på slumpen i genomsnitt högst en gång av tjugo kallas säker."</p>
            <p>"Ett exempel: 30 procent av 200 svarande i en kommun mot 20 procent av 1 000 i resten av länet är en säker skillnad. 25 procent av 100 mot samma 20 procent är det inte; där kan slumpen förklara skillnaden."</p>
            <p>"Där antalet svarande inte är känt görs ingen jämförelse. Så är det för riket, eftersom CAN inte publicerar antalet svarande för riket i de siffror webbplatsen visar, och för grupper med för få svarande, vars värden inte visas (”..”). Samma regel används i kommunrapporterna och i statistikverktygets tabell, i kolumnen ”Jämfört med länet”."</p>
            <p>"Att en skillnad inte är säker betyder inte att kommunen och länet är lika, bara att uppgifterna inte räcker för att säga vilket håll skillnaden går åt. Och en säker skillnad säger inget om varför den finns."</p>

            <h2>"Öppna data"</h2>
            <p>"Uppgifterna publiceras som JSON-filer. Varje fil anger sin formatversion (schema_version) och sina källor."</p>
            <ul>
                {document_files()}
                <li><a href="data/uppfoljning.json" rel="external">"uppfoljning.json"</a>" – uppföljningarnas ämnen; varje ämne finns i uppfoljning-<år>-<ämne>.json"</li>
                <li><a href="data/sok.json" rel="external">"sok.json"</a>" – sökindexet över dokumenten och nyckeltalen"</li>
                <li><a href="data/statistik-andts.json" rel="external">"statistik-andts.json"</a>" – ANDTS: indikatorer, CAN:s publicerade siffror och exempeldata för kommunerna (märkt)"</li>
                <li><a href="data/statistik-lupp.json" rel="external">"statistik-lupp.json"</a>" – LUPP: frågor och indikatorer, och exempeldata (märkt)"</li>
                <li><a href="data/statistik-av-play.json" rel="external">"statistik-av-play.json"</a>" – AV-Play och AV-Media: årliga mått ur verksamhetsberättelsen, i statistikverktygets format"</li>
                <li><a href="data/areas.json" rel="external">"areas.json"</a>" – länets kommuner och kommunkoder"</li>
                <li><a href="data/kommuner-karta.json" rel="external">"kommuner-karta.json"</a>" – kommunernas gränser, förenklade, för kartan"</li>
                <li><a href="data/kommun-kalmar.json" rel="external">"kommun-kalmar.json"</a>" – kommunrapporten för Kalmar; varje kommun har sin fil, kommun-<kommun>.json"</li>
            </ul>
        </div>
    }
}

/// Each published plan and report as a source, newest first.
fn document_sources() -> impl IntoView {
    index()
        .published()
        .into_iter()
        .map(|d| {
            let what = match d.kind() {
                Some(Kind::Plan) => "Kommunförbundet Kalmar län. Planen visas ord för ord; de få rättelser som gjorts av fel i PDF-utdraget står längst ned i planen. Där planens budgettabeller inte summerar står det under tabellen.",
                _ => "Kommunförbundet Kalmar län. Berättelsen visas ord för ord, med sina nyckeltal under de avsnitt som anger dem.",
            };
            view! { <dt>{d.titel.clone()}</dt><dd>{what}</dd> }
        })
        .collect_view()
}

/// Each published document's files: the text, a plan's tables and staff figures, a report's key figures.
fn document_files() -> impl IntoView {
    let file = |name: String, what: String| view! { <li><a href=format!("data/{name}") rel="external">{name.clone()}</a>{format!(" – {what}")}</li> };
    let mut items = Vec::new();
    for d in index().published() {
        let title = d.titel.to_lowercase();
        match d.kind() {
            Some(Kind::Plan) => {
                items.push(file(d.json(), format!("{title} med åtaganden och budgettabeller")));
                items.push(file(
                    format!("{}-tabeller.json", d.id),
                    "planens budgettabeller för sig".into(),
                ));
                items.extend(d.personal.iter().map(|p| {
                    file(
                        format!("{p}.json"),
                        format!("personal per verksamhetsområde {} enligt planen", d.ar),
                    )
                }));
            }
            _ => {
                items.push(file(d.json(), format!("{title} med åtaganden och resultat")));
                items.extend(
                    d.nyckeltal
                        .iter()
                        .flatten()
                        .map(|n| file(format!("{n}.json"), format!("nyckeltal ur {title}"))),
                );
            }
        }
    }
    items
}
