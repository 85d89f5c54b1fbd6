// Wires recommendations serving: the store the training job fills, the service over it, and the routes.
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Config } from '../../platform/config.ts';
import type { Registry } from '../../platform/metrics.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { InventoryService } from '../inventory/inventory-service.ts';
import type { ReportView } from '../reports/report-view.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import { buysAgain } from '../catalog/taxonomy.ts';
import type { PastOrder } from './bought.ts';
import { BoughtItems } from './bought-items.ts';
import { popularItems } from './popular.ts';
import { RecommendationService } from './recommendation-service.ts';
import { recommendationRoutes } from './routes.ts';
import { createRecommendationStore } from './store/create-recommendation-store.ts';

export function createRecommendations(
  config: Config,
  deps: {
    catalog: CatalogService;
    inventory: InventoryService;
    serviceability: ServiceabilityService;
    users: UserService;
    reports: ReportView;
    tokens: Tokens;
    metrics: Registry;
    clock: Clock;
    logger: Logger;
    /** The shopper's orders, live and archived (the orders context, handed in by the shop). */
    ordersOf: (userId: string) => Promise<readonly PastOrder[]>;
  },
) {
  const store = createRecommendationStore(config);
  // The longest window has the most to rank by; "right now" is its hour.
  const minutes = Math.max(...config.reports.windowsMinutes);
  const popular = (category: string | null) => {
    const window = deps.reports.latest()?.report.windows.find((w) => w.minutes === minutes);
    return window ? popularItems(window, category) : [];
  };
  const bought = new BoughtItems({ ordersOf: deps.ordersOf, buysAgain, clock: deps.clock, logger: deps.logger });
  const service = new RecommendationService({ ...deps, store, popular, bought: (userId) => bought.of(userId) });
  const router = recommendationRoutes({ service });
  return { store, service, router, parts: [store] };
}
