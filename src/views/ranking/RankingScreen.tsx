import type { ScreenProps } from '../../app/screen';

export function RankingScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年考核排名</h2>
    </section>
  );
}
