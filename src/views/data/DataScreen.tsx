import type { ScreenProps } from '../../app/screen';

export function DataScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年数据</h2>
    </section>
  );
}
