/**
 * S3 "ObjectCreated:Put" notification event, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html (values are examples).
 */
export const s3Put = {
  name: 's3-put',
  title: 'S3 object created (PUT)',
  invocation: 'async',
  event: {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2026-04-09T12:34:56.789Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAEXAMPLEPRINCIPAL' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: {
          'x-amz-request-id': 'C3D13FE58DE4C810',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'coldstart-upload-trigger',
          bucket: {
            name: 'coldstart-example-bucket',
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: 'arn:aws:s3:::coldstart-example-bucket',
          },
          object: {
            key: 'uploads/photo.jpg',
            size: 1024,
            eTag: 'd41d8cd98f00b204e9800998ecf8427e',
            sequencer: '0A1B2C3D4E5F678901',
          },
        },
      },
    ],
  },
} as const;
