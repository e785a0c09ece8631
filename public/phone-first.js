/*
 * Runs before the 掌上驾驶舱's first screen (figures/m/first.html, put into the page by the server)
 * is parsed, so before it can be painted: that screen is this year's 全市, right for the bare address
 * and #/m only; any other address (a deep link to a year or unit, a desktop route) hides it.
 * Mirrors showsFirstScreen in src/phone/mode.ts (a test checks they agree). docs/PHONE.md.
 */
if (!/^(#\/?|#\/m\/?)?$/.test(window.location.hash)) document.documentElement.classList.add('m-first-off');
