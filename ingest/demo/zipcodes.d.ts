// Types for the parts of the `zipcodes` package (US and Canadian postal codes with coordinates) we use.
declare module 'zipcodes' {
  export interface ZipCode {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    state: string;
    country: string;
  }
  export const codes: Record<string, ZipCode>;
  export function lookup(zip: string): ZipCode | undefined;
}
