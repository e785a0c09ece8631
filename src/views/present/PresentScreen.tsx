import type { ScreenProps } from '../../app/screen';

export function PresentScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年汇报</h2>
    </section>
  );
}
