/**
 * The level of the region tree that runs isolation facilities: a user below it (a grid worker
 * recording a transfer) chooses among the facilities of their ancestor at this level.
 */
export const facilityServiceLevel = 'county';
