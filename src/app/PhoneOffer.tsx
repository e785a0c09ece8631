/**
 * On a narrow screen the desktop (1,024 px wide, with its engine) is hard to use: offer the
 * 掌上驾驶舱 (`#/m`) for the same year and unit, which opens in a second without the engine.
 */
import { useSyncExternalStore } from 'react';
import { PHONE_MAX_WIDTH, phoneHash } from '../phone/mode';

const query = `(max-width: ${PHONE_MAX_WIDTH - 1}px)`;
const subscribe = (change: () => void) => {
  const list = window.matchMedia(query);
  list.addEventListener('change', change);
  return () => list.removeEventListener('change', change);
};
const narrow = () => window.matchMedia(query).matches;

export function PhoneOffer({ year, unit }: { year?: number; unit?: string }) {
  if (!useSyncExternalStore(subscribe, narrow)) return null;
  return (
    <p className="phone-offer" role="note">
      在手机上？
      <a href={phoneHash({ ...(year ? { year } : {}), ...(unit ? { unit } : {}) })}>打开掌上驾驶舱</a>
      ，无需下载分析引擎。
    </p>
  );
}
