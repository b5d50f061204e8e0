//! The phone page: HTML rendered on the server in the participant's language, with the script and
//! style embedded in the binary. No framework and nothing from the internet: a training room may
//! have no connection at all. maud escapes every value it inserts, and the script writes text only
//! through `textContent`, so a nickname can never become markup.

use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use crate::team::room::{MAX_NICKNAME_CHARS, Team};
use maud::{DOCTYPE, Markup, html};

/// The page's script: joins, votes, and follows the live state.
pub const APP_JS: &str = include_str!("../../assets/web/app.js");
/// The page's style: big buttons, readable on a 360-pixel-wide phone.
pub const STYLE_CSS: &str = include_str!("../../assets/web/style.css");

/// Links to the page in both languages, so a participant can switch.
fn lang_switch(current: Lang) -> Markup {
    html! {
        nav.lang {
            @for l in Lang::ALL {
                @if l == current {
                    span.current aria-current="true" { (l.code().to_uppercase()) }
                } @else {
                    a href={ "?lang=" (l.code()) } hreflang=(l.code()) lang=(l.code()) { (l.code().to_uppercase()) }
                }
            }
        }
    }
}

fn head(lang: Lang, static_prefix: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="color-scheme" content="light";
            title { (tr(lang, "team-phone-title")) }
            link rel="stylesheet" href={ (static_prefix) "static/style.css" };
        }
    }
}

/// The page at the room's address: the join form, then the question and its options.
pub fn room(lang: Lang, code: &str, teams: &[Team]) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            (head(lang, ""))
            body data-code=(code) data-lang=(lang.code())
                data-err-nickname-empty=(tr(lang, "team-error-nickname-empty"))
                data-err-nickname-long=(tra(lang, "team-error-nickname-long", &Args::new().num("max", MAX_NICKNAME_CHARS as u32)))
                data-err-nickname-chars=(tr(lang, "team-error-nickname-chars"))
                data-err-team=(tr(lang, "team-error-team"))
                data-err-full=(tr(lang, "team-error-full"))
                data-err-closed=(tr(lang, "team-error-closed"))
                data-err-option=(tr(lang, "team-error-closed"))
                data-err-rate=(tr(lang, "team-error-rate"))
                data-err-ended=(tr(lang, "team-error-ended"))
                data-err-unknown=(tr(lang, "team-error-unknown"))
                data-err-network=(tr(lang, "team-error-network"))
                data-your-vote=(tra(lang, "team-phone-your-vote", &Args::new().str("option", "{option}")))
                data-offline=(tr(lang, "team-phone-offline"))
                data-seconds=(tra(lang, "team-phone-seconds", &Args::new().str("n", "{n}")))
            {
                header {
                    span.brand { "Client First" }
                    span.code { (tr(lang, "team-phone-room")) " " b { (code) } }
                    (lang_switch(lang))
                }
                main {
                    section #join hidden {
                        h1 { (tr(lang, "team-phone-join-title")) }
                        form #join-form novalidate {
                            label for="nickname" { (tr(lang, "team-phone-nickname")) }
                            input #nickname name="nickname" type="text" maxlength=(MAX_NICKNAME_CHARS)
                                autocomplete="nickname" autocapitalize="words" enterkeyhint="go" required;
                            @if !teams.is_empty() {
                                fieldset.teams {
                                    legend { (tr(lang, "team-phone-team")) }
                                    @for (i, t) in teams.iter().enumerate() {
                                        label.team {
                                            input type="radio" name="team" value=(i) required checked[i == 0];
                                            span.swatch style={ "background:#" (hex(t.colour)) } {}
                                            span { (t.name) }
                                        }
                                    }
                                }
                            }
                            button #join-button.big type="submit" { (tr(lang, "team-phone-join")) }
                            p #join-error.error role="alert" {}
                        }
                    }
                    section #play hidden {
                        p.who { span #me-name {} " " span #me-team.team-name {} }
                        div #timer.timer aria-live="off" {}
                        p #status.status role="status" aria-live="polite" {}
                        h2 #prompt {}
                        div #options.options {}
                        p #result.result aria-live="polite" {}
                        p #vote-error.error role="alert" {}
                        button #leave.link type="button" { (tr(lang, "team-phone-leave")) }
                    }
                    p #loading { (tr(lang, "team-phone-loading")) }
                    noscript { p.error { (tr(lang, "team-phone-noscript")) } }
                }
                script src="static/app.js" {}
            }
        }
    }
}

/// The page at the bare address: asks for the room code; `wrong` after a code that does not exist.
pub fn landing(lang: Lang, wrong: bool) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (tr(lang, "team-phone-title")) }
                style { (maud::PreEscaped(LANDING_CSS)) }
            }
            body {
                header { span.brand { "Client First" } (lang_switch(lang)) }
                main {
                    h1 { (tr(lang, "team-landing-title")) }
                    form method="get" action="/" {
                        input type="hidden" name="lang" value=(lang.code());
                        label for="code" { (tr(lang, "team-landing-code")) }
                        input #code name="code" type="text" maxlength="8" autocapitalize="characters"
                            autocomplete="off" required;
                        button.big type="submit" { (tr(lang, "team-landing-go")) }
                    }
                    @if wrong { p.error role="alert" { (tr(lang, "team-landing-wrong")) } }
                }
            }
        }
    }
}

/// The landing page is served without the room code, so its few rules are inline rather than
/// behind the code-protected stylesheet.
const LANDING_CSS: &str = "body{font:18px/1.4 system-ui,sans-serif;margin:0;background:#f4f1ea;color:#1d1d1d}\
header{display:flex;justify-content:space-between;padding:12px 16px;background:#1f3a5f;color:#fff}\
header a{color:#fff}.lang a,.lang span{margin-left:12px}main{padding:16px;max-width:480px;margin:auto}\
label,input,button{display:block;width:100%;box-sizing:border-box}input{font-size:24px;padding:12px;margin:8px 0 16px;\
text-transform:uppercase;letter-spacing:.2em}.big{font-size:22px;padding:16px;border:0;border-radius:12px;background:#1f3a5f;color:#fff}\
.error{color:#a11;font-weight:600}";

fn hex(c: [u8; 3]) -> String {
    format!("{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::room::Room;

    #[test]
    fn team_names_are_escaped() {
        let teams = Room::teams_named(&["<script>x</script>".into(), "A&B \"q\"".into()]);
        let page = room(Lang::En, "ABCDE", &teams).into_string();
        assert!(!page.contains("<script>x"));
        assert!(page.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(page.contains("A&amp;B &quot;q&quot;"));
    }

    #[test]
    fn the_page_speaks_the_participants_language() {
        let ru = room(Lang::Ru, "ABCDE", &[]).into_string();
        let en = room(Lang::En, "ABCDE", &[]).into_string();
        assert!(ru.contains("lang=\"ru\""));
        assert!(ru.contains(&tr(Lang::Ru, "team-phone-join")));
        assert!(en.contains(&tr(Lang::En, "team-phone-join")));
        assert!(!en.contains("fieldset"), "no team picker without teams");
    }
}
