/**
 * The simulated AWS SDK for JavaScript v3 modules a handler can import: per package, the client,
 * the commands the simulated account implements, other common commands (exported so imports link;
 * sending them fails with a message naming the operation) and the exception classes.
 * The guest side is guest/aws-sdk-source.ts; the account is sandbox/account/.
 */
export interface SdkModule {
  /** Account service the client calls (undefined for helper packages). */
  service?: 's3' | 'dynamodb' | 'sqs' | 'sns' | 'events';
  client?: string;
  /** Operations the account simulates (`PutObject` -> PutObjectCommand). */
  commands: string[];
  /** Common operations exported but not simulated. */
  more: string[];
  errors: string[];
  /** Other exports (lib-dynamodb, util-dynamodb). */
  extra?: string[];
}

export const SDK_MODULES: Record<string, SdkModule> = {
  '@aws-sdk/client-s3': {
    service: 's3',
    client: 'S3Client',
    commands: ['CreateBucket', 'HeadBucket', 'DeleteBucket', 'ListBuckets', 'PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'CopyObject', 'ListObjectsV2', 'PutBucketNotificationConfiguration', 'GetBucketNotificationConfiguration'],
    more: ['SelectObjectContent', 'ListObjects', 'DeleteObjects', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'GetObjectAcl', 'PutObjectAcl', 'PutObjectTagging', 'GetObjectTagging', 'PutBucketPolicy', 'GetBucketPolicy', 'PutBucketVersioning', 'ListObjectVersions', 'RestoreObject', 'GetBucketLocation'],
    errors: ['NoSuchKey', 'NoSuchBucket', 'NotFound', 'BucketAlreadyExists', 'BucketAlreadyOwnedByYou', 'InvalidObjectState'],
  },
  '@aws-sdk/client-dynamodb': {
    service: 'dynamodb',
    client: 'DynamoDBClient',
    commands: ['CreateTable', 'DescribeTable', 'ListTables', 'DeleteTable', 'PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem'],
    more: ['UpdateTable', 'TransactWriteItems', 'TransactGetItems', 'ExecuteStatement', 'BatchExecuteStatement', 'DescribeTimeToLive', 'UpdateTimeToLive', 'CreateBackup', 'TagResource'],
    errors: ['ConditionalCheckFailedException', 'ResourceNotFoundException', 'ResourceInUseException', 'ProvisionedThroughputExceededException', 'TransactionCanceledException'],
  },
  '@aws-sdk/lib-dynamodb': {
    service: 'dynamodb',
    commands: [],
    more: [],
    errors: [],
    extra: ['DynamoDBDocumentClient', 'DynamoDBDocument', 'PutCommand', 'GetCommand', 'UpdateCommand', 'DeleteCommand', 'QueryCommand', 'ScanCommand', 'BatchWriteCommand', 'BatchGetCommand', 'TransactWriteCommand', 'TransactGetCommand', 'ExecuteStatementCommand'],
  },
  '@aws-sdk/util-dynamodb': { commands: [], more: [], errors: [], extra: ['marshall', 'unmarshall', 'convertToAttr', 'convertToNative'] },
  '@aws-sdk/client-sqs': {
    service: 'sqs',
    client: 'SQSClient',
    commands: ['CreateQueue', 'GetQueueUrl', 'ListQueues', 'DeleteQueue', 'PurgeQueue', 'GetQueueAttributes', 'SetQueueAttributes', 'SendMessage', 'SendMessageBatch', 'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'ChangeMessageVisibility'],
    more: ['ChangeMessageVisibilityBatch', 'ListDeadLetterSourceQueues', 'StartMessageMoveTask', 'TagQueue', 'AddPermission'],
    errors: ['QueueDoesNotExist', 'ReceiptHandleIsInvalid', 'MessageNotInflight', 'InvalidParameterValue', 'QueueNameExists'],
  },
  '@aws-sdk/client-sns': {
    service: 'sns',
    client: 'SNSClient',
    commands: ['CreateTopic', 'DeleteTopic', 'ListTopics', 'Subscribe', 'Unsubscribe', 'SetSubscriptionAttributes', 'ListSubscriptionsByTopic', 'Publish'],
    more: ['PublishBatch', 'GetTopicAttributes', 'SetTopicAttributes', 'ListSubscriptions', 'GetSubscriptionAttributes', 'ConfirmSubscription', 'TagResource'],
    errors: ['NotFoundException', 'InvalidParameterException', 'AuthorizationErrorException'],
  },
  '@aws-sdk/client-eventbridge': {
    service: 'events',
    client: 'EventBridgeClient',
    commands: ['PutRule', 'DescribeRule', 'ListRules', 'EnableRule', 'DisableRule', 'DeleteRule', 'PutTargets', 'RemoveTargets', 'ListTargetsByRule', 'PutEvents'],
    more: ['CreateEventBus', 'DescribeEventBus', 'ListEventBuses', 'TestEventPattern', 'CreateArchive', 'StartReplay', 'TagResource'],
    errors: ['ResourceNotFoundException', 'LimitExceededException'],
  },
};

/** The names a module exports (for ES module imports). */
export function sdkExportNames(spec: string): string[] {
  const m = SDK_MODULES[spec];
  if (!m) return [];
  const names = [...(m.extra ?? []), ...m.errors, ...[...m.commands, ...m.more].map((c) => `${c}Command`)];
  if (m.client) names.push(m.client, `${m.client.replace(/Client$/, '')}ServiceException`);
  return [...new Set(names)].filter((n) => n !== 'default');
}
