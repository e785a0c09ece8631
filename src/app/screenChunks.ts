/**
 * Each screen's chunk, loaded on demand. The desktop's opening (src/deskOpening.ts) starts the opening
 * screen's chunk beside the desktop's own, so it arrives with the shell instead of after the shell has run (a
 * revisit shows its kept figures only once the screen's code is there: docs/PERFORMANCE.md, third
 * round). No React here: the opening must stay small.
 */
import type { ComponentType } from 'react';
import { parseRoute, type ScreenPath } from './route';
import type { ScreenProps } from './screen';

/** import() caches, so loading one early makes its lazy component instant. */
const SCREEN_LOADERS: Record<ScreenPath, () => Promise<ComponentType<ScreenProps>>> = {
  overview: () => import('../views/overview/OverviewScreen').then((m) => m.OverviewScreen),
  buildings: () => import('../views/buildings/BuildingsScreen').then((m) => m.BuildingsScreen),
  belts: () => import('../views/belts/BeltsScreen').then((m) => m.BeltsScreen),
  ranking: () => import('../views/ranking/RankingScreen').then((m) => m.RankingScreen),
  county: () => import('../views/county/CountyScreen').then((m) => m.CountyScreen),
  projects: () => import('../views/projects/ProjectsScreen').then((m) => m.ProjectsScreen),
  certification: () =>
    import('../views/certification/CertificationScreen').then((m) => m.CertificationScreen),
  data: () => import('../views/data/DataScreen').then((m) => m.DataScreen),
  present: () => import('../views/present/PresentScreen').then((m) => m.PresentScreen),
  cockpit: () => import('../views/cockpit/CockpitScreen').then((m) => m.CockpitScreen),
};

/** Screens whose code has arrived: rendered directly, since a lazy component would first suspend. */
export const loadedScreens = new Map<ScreenPath, ComponentType<ScreenProps>>();

export function loadScreen(path: ScreenPath) {
  return SCREEN_LOADERS[path]().then((component) => {
    loadedScreens.set(path, component);
    return component;
  });
}

/** Fetch the opening screen's code now, while the shell and the engine load. */
export function preloadScreen(hash: string): Promise<unknown> {
  // A failed preload is met again, and shown, when the screen itself loads.
  return loadScreen(parseRoute(hash).screen).catch(() => undefined);
}
