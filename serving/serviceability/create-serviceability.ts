// Wires serviceability: the saved network and table under the data folder (the handed-in network the first time).
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { InventoryService } from '../inventory/inventory-service.ts';
import type { Network } from './network.ts';
import { serviceabilityRoutes } from './routes.ts';
import { ServiceabilityService } from './serviceability-service.ts';
import { TableFiles } from './table-files.ts';

export function createServiceability(
  config: Config,
  deps: {
    catalog: CatalogService;
    inventory: InventoryService;
    clock: Clock;
    logger: Logger;
    /** The network used when none is saved yet (the composition root hands in the demo's). */
    initialNetwork: () => Network;
  },
) {
  const service = new ServiceabilityService({ ...deps, files: new TableFiles(config.dataDir) });
  return { service, router: serviceabilityRoutes(service), parts: [service] };
}
