import type { ScreenProps } from '../../app/screen';

export function CertificationScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年总部认定</h2>
    </section>
  );
}
