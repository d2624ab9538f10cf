import { describe, expect, it } from 'vitest';
import { boundingBox, haversineKm, roundKm } from './geo.js';

// Centroids from data/reference/comuni (Openpolis 2023).
const MODENA = { lat: 44.643661, lon: 10.915002 };
const CARPI = { lat: 44.801525, lon: 10.892528 };
const SASSUOLO = { lat: 44.533187, lon: 10.778404 };
const BOLOGNA = { lat: 44.497344, lon: 11.332871 };

describe('haversineKm', () => {
  it('gives the textbook figures', () => {
    // One degree of a meridian on the mean sphere: 2πR/360.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 2);
    // Quarter of the equator.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })).toBeCloseTo(10_007.5, 0);
    expect(haversineKm(MODENA, MODENA)).toBe(0);
  });

  it('is symmetric', () => {
    expect(haversineKm(MODENA, BOLOGNA)).toBeCloseTo(haversineKm(BOLOGNA, MODENA), 9);
  });

  it('measures commutes around Modena between comune centroids', () => {
    // Centroid to centroid, as the crow flies; town-centre distances quoted elsewhere differ by a km or two.
    expect(haversineKm(MODENA, CARPI)).toBeGreaterThan(16.5);
    expect(haversineKm(MODENA, CARPI)).toBeLessThan(18.5);
    expect(roundKm(haversineKm(MODENA, CARPI))).toBe(17.6);
    expect(roundKm(haversineKm(MODENA, SASSUOLO))).toBe(16.4);
    expect(haversineKm(MODENA, BOLOGNA)).toBeGreaterThan(36);
    expect(haversineKm(MODENA, BOLOGNA)).toBeLessThan(40);
  });
});

describe('boundingBox', () => {
  it('contains every point within the radius', () => {
    const box = boundingBox(MODENA, 20);
    for (const point of [CARPI, SASSUOLO]) {
      expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(point.lat).toBeLessThanOrEqual(box.maxLat);
      expect(point.lon).toBeGreaterThanOrEqual(box.minLon);
      expect(point.lon).toBeLessThanOrEqual(box.maxLon);
    }
    // Points 19.99 km away in eight directions are all inside.
    for (let bearing = 0; bearing < 360; bearing += 45) {
      const b = (bearing * Math.PI) / 180;
      const d = 19.99 / 6371.0088;
      const lat1 = (MODENA.lat * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
      const lon2 =
        (MODENA.lon * Math.PI) / 180 +
        Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      const point = { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
      expect(haversineKm(MODENA, point)).toBeCloseTo(19.99, 6);
      expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(point.lat).toBeLessThanOrEqual(box.maxLat);
      expect(point.lon).toBeGreaterThanOrEqual(box.minLon);
      expect(point.lon).toBeLessThanOrEqual(box.maxLon);
    }
  });
});
