import type { ScreenProps } from '../../app/screen';

export function BeltsScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年总部经济带</h2>
    </section>
  );
}
