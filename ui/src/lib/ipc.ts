// Typed calls into the Tauri shell. Every command goes through here.

import { invoke } from '@tauri-apps/api/core';
import type { CatalogView } from './types';

/** The error every command rejects with: a stable code and a message to show as it is. */
export interface IpcError {
  code: string;
  message: string;
}

/** Whether a rejection carries the shell's error shape. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IpcError).code === 'string' &&
    typeof (value as IpcError).message === 'string'
  );
}

/** The service catalog: fresh from the platform, or the saved copy when it cannot be reached. */
export function catalogItems(): Promise<CatalogView> {
  return invoke<CatalogView>('catalog_items');
}
