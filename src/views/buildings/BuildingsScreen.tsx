import type { ScreenProps } from '../../app/screen';

export function BuildingsScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年亿元楼宇</h2>
    </section>
  );
}
