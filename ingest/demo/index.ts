// The demo data generator's public surface: catalog, places, stock and shoppers, all from a seed.
export { demoItem, demoItemId, demoItems, DEMO_SUPPLIERS } from './items.ts';
export { allPincodes, demoPincodes, demoStock, demoWarehouses, type Pincode, type Warehouse } from './places.ts';
export { DEMO_PASSWORD, demoUser, type DemoUser } from './users.ts';
