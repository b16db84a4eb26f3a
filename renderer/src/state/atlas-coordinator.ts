/** The app's one QueryCoordinator, over the real API transport and Arrow decoder. */
import { getApi } from '../api';
import { decodeTable } from '../api/arrow';
import { QueryCoordinator } from './coordinator';

let instance: QueryCoordinator | null = null;

/** The shared coordinator (created on first use). */
export function coordinator(): QueryCoordinator {
  instance ??= new QueryCoordinator({ api: getApi, decode: decodeTable });
  return instance;
}
