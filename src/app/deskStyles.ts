/**
 * The desktop's styles, as a chunk of their own: the desktop's opening (src/deskOpening.ts) loads them
 * beside the desktop's code, and paints a revisit's kept KPI cards (./openingCards.ts) as soon as they are in,
 * before the code has arrived and run. ./desk.tsx imports them first, so their order is the same.
 */
// The bundled Chinese font after the system's own (see ./fonts.ts).
import '@fontsource/noto-sans-sc/400.css';
import './app.css';
import './print.css';
// The KPI cards' 红黄绿灯 and ⓘ (the drill panel's styles otherwise).
import '../views/drill.css';
