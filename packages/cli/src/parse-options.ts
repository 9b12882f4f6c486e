// Validation of option values that commander hands over as strings.
import { KaizenError } from '@kaizen/core';

export function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new KaizenError('invalid_input', `${flag} must be a port number between 0 and 65535, got "${value}"`);
  }
  return port;
}

export function parsePositiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new KaizenError('invalid_input', `${flag} must be a positive integer, got "${value}"`);
  }
  return number;
}

export function parsePositiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new KaizenError('invalid_input', `${flag} must be a positive number, e.g. 0.5, got "${value}"`);
  }
  return number;
}
