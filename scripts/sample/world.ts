/** Builds the whole sample world from one seed; every file is written from this. */
import { makeBuildings } from './buildings';
import { makeEnterprises } from './enterprises';
import type { World } from './model';
import { NameBook } from './names';
import { makeProjects } from './projects';
import { Rng } from './rng';
import { CodeBook } from './spell';

export const SEED = 'wenzhou-hq-sample-v1';

export interface SampleWorld extends World {
  names: NameBook;
  codes: CodeBook;
}

export function buildWorld(seed = SEED): SampleWorld {
  const root = new Rng(seed);
  const names = new NameBook(root.fork('names'));
  const codes = new CodeBook(root.fork('codes'));
  const buildings = makeBuildings(root.fork('buildings'), names);
  const { enterprises, certifications } = makeEnterprises(root.fork('enterprises'), names, codes, buildings);
  const projects = makeProjects(root.fork('projects'), names, enterprises, certifications);
  return { buildings, enterprises, certifications, projects, names, codes };
}
