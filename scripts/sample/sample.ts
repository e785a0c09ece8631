/** Writes the full sample into a folder and reports what it wrote. */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from './csv';
import { makeAnnual, makeLeads, makeTargets } from './extras';
import {
  FILES,
  writeAnnual,
  writeBuildings,
  writeCertifications,
  writeLeads,
  writeProjects,
  writeTargets,
  writeTax,
} from './files';
import { Rng } from './rng';
import { annualTax, monthlyRows, orphanRows, type TaxRow } from './tax';
import { buildWorld, SEED } from './world';
import { enterpriseWorkbook } from './xlsx';

export function writeSample(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const world = buildWorld();
  const rng = new Rng(SEED).fork('files');

  // One enterprise with a certification row is named like a spreadsheet formula (see HOSTILE_NAME).
  const hostile = world.certifications.find((c) => c.category === '新引进' && c.region === '330305')?.code;
  writeFile(join(dir, FILES.enterprises), enterpriseWorkbook(rng.fork('xlsx'), world.enterprises, hostile));
  writeCertifications(dir, rng.fork('certifications'), world.certifications, world.enterprises);
  writeBuildings(dir, rng.fork('buildings'), world.buildings);
  writeProjects(dir, rng.fork('projects'), world.projects);
  writeTargets(dir, rng.fork('targets'), makeTargets());

  const tax = annualTax(world.enterprises, world.buildings);
  const taxRng = rng.fork('tax');
  const rows: TaxRow[] = world.enterprises.flatMap((e) => monthlyRows(taxRng, e, tax.get(e.code)!));
  // Two valid codes that are on no list: their rows must survive as a data-quality warning.
  rows.push(...orphanRows(taxRng, [world.codes.next('330302'), world.codes.next('330381')]));
  writeTax(dir, rows);

  writeAnnual(dir, makeAnnual(rng.fork('annual'), world.enterprises, tax));
  writeLeads(dir, rng.fork('leads'), makeLeads(rng.fork('lead-rows'), world.names));

  for (const name of Object.values(FILES)) {
    console.log(`${join(dir, name)}\t${(statSync(join(dir, name)).size / 1024).toFixed(0)} KB`);
  }
  const total = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  console.log(`total\t${(total / 1024 / 1024).toFixed(2)} MB`);
}
