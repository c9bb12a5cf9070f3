// Typed calls into the Tauri shell. Every command goes through here.

import { invoke } from '@tauri-apps/api/core';
import type { CatalogItem } from './types';

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

/** The platform's service catalog. */
export function catalogItems(): Promise<CatalogItem[]> {
  return invoke<CatalogItem[]>('catalog_items');
}
