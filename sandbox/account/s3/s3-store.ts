/** The data of the simulated S3: buckets, objects and notification configurations. */
export interface S3Object {
  key: string;
  body: Buffer;
  contentType: string;
  metadata: Record<string, string>;
  /** `"<md5 hex>"`, with the quotes, as S3 returns it. */
  eTag: string;
  lastModified: number;
}

export interface NotificationTarget {
  id: string;
  kind: 'lambda' | 'sqs' | 'sns';
  arn: string;
  events: string[];
  prefix?: string;
  suffix?: string;
}

export interface Bucket {
  name: string;
  createdAt: number;
  objects: Map<string, S3Object>;
  notifications: NotificationTarget[];
  /** The configuration as it was put (GetBucketNotificationConfiguration returns it). */
  notificationConfiguration: Record<string, unknown>;
}

export class S3Store {
  readonly buckets = new Map<string, Bucket>();
  /** Increases with every change (S3 event records carry it as the sequencer). */
  sequence = 0;
}
