import type { ScreenProps } from '../../app/screen';

export function ProjectsScreen({ year }: ScreenProps) {
  return (
    <section>
      <h2>{year} 年项目跟踪</h2>
    </section>
  );
}
