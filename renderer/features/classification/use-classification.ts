import { useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ClassificationLabel } from '../../../shared/classification-api.ts';
import { AppServicesContext } from '../../services/index.ts';
import { labelOfSpace } from './decisions.ts';
import type { ClassificationService, ClassificationState } from './service.ts';

const NONE = createStore<ClassificationState>(() => ({ data: null }));

/** The classification service, or null where the app runs without one (tests). */
export function useClassificationService(): ClassificationService | null {
  return useContext(AppServicesContext)?.classification ?? null;
}

/** The label that applies to `spaceId`, or null when unknown; re-renders when it changes. */
export function useSpaceLabel(spaceId: string): ClassificationLabel | null {
  const service = useClassificationService();
  const data = useStore(service?.state ?? NONE, (s) => s.data);
  return labelOfSpace(data, spaceId);
}

/** The company labels (empty while unknown). */
export function useCompanyLabels(): readonly ClassificationLabel[] {
  const service = useClassificationService();
  return useStore(service?.state ?? NONE, (s) => s.data?.labels ?? EMPTY);
}

const EMPTY: readonly ClassificationLabel[] = [];
