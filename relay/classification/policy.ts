/**
 * The classification policy as the relay applies it: the company list (the
 * stored one, else the defaults), the label that applies to a space, and the
 * two rules the relay enforces itself: export and adding people from outside
 * the company. Copying out and offline copies happen on devices, so the app
 * enforces those from the same list.
 */
import {
  CLASSIFICATION_ERRORS,
  DEFAULT_CLASSIFICATION_LABELS,
  effectiveLabel,
  type ClassificationLabel,
} from '../../shared/classification-api.ts';
import { HttpError } from '../http/json.ts';
import type { ClassificationStore } from './types.ts';

export interface ClassificationConfig {
  /** Label of spaces nobody labelled (a label id of the company list). */
  readonly defaultLabel: string;
  /**
   * Email domains of the company's own people (lower case); an address in
   * one of them or a subdomain is internal, any other address is external.
   * Empty: the relay cannot tell, and nobody counts as external.
   */
  readonly internalDomains: readonly string[];
}

/** Whether `email` is outside `internalDomains` (see ClassificationConfig). */
export function isExternal(email: string | null | undefined, internalDomains: readonly string[]) {
  if (internalDomains.length === 0) return false;
  const at = email?.lastIndexOf('@') ?? -1;
  // No address: nothing proves the person is one of ours.
  if (email == null || at < 0) return true;
  const domain = email.slice(at + 1).toLowerCase();
  return !internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export class Classification {
  readonly #store: ClassificationStore;
  readonly config: ClassificationConfig;

  constructor(store: ClassificationStore, config: ClassificationConfig) {
    this.#store = store;
    this.config = config;
  }

  get store(): ClassificationStore {
    return this.#store;
  }

  /** The company list now in force. */
  async labels(): Promise<ClassificationLabel[]> {
    return (await this.#store.labels()) ?? [...DEFAULT_CLASSIFICATION_LABELS];
  }

  /** The label that applies to `spaceId` (its own, else the default). */
  async labelOf(spaceId: string): Promise<ClassificationLabel> {
    const label = effectiveLabel(
      await this.labels(),
      this.config.defaultLabel,
      await this.#store.spaceLabel(spaceId),
    );
    if (label === null) throw new Error('the classification list is empty');
    return label;
  }

  /** The label `spaceId` is exported under; 403 when that label forbids export. */
  async checkExport(spaceId: string): Promise<ClassificationLabel> {
    const label = await this.labelOf(spaceId);
    if (!label.exportAllowed) {
      throw new HttpError(
        403,
        CLASSIFICATION_ERRORS.export,
        `this space is classified ${label.name}, which does not allow export`,
      );
    }
    return label;
  }

  /** 403 when `email` is external and the space's label forbids sharing outside the company. */
  async checkNewMember(spaceId: string, email: string | null | undefined): Promise<void> {
    if (!isExternal(email, this.config.internalDomains)) return;
    const label = await this.labelOf(spaceId);
    if (!label.externalSharingAllowed) {
      throw new HttpError(
        403,
        CLASSIFICATION_ERRORS.externalSharing,
        `this space is classified ${label.name}, which does not allow adding people outside the company`,
      );
    }
  }
}
