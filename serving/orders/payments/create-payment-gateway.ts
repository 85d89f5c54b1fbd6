// Picks the payment gateway: the simulated one for now, in both modes (no provider adapter exists yet).
import type { Config } from '../../../platform/config.ts';
import { SimulatedGateway } from './simulated-gateway.ts';

export const createPaymentGateway = (config: Config) => new SimulatedGateway(config.paymentSecret);
