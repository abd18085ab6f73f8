import { ApiProperty } from '@nestjs/swagger';

export class FeedItemResponse {
  @ApiProperty({
    description: 'Resume after this item with ?after= (or Last-Event-ID on the stream)',
    example: '42',
  })
  cursor!: string;
  @ApiProperty({
    description:
      'The item as the CloudEvents 1.0 event a webhook would carry (thin: ids, rule, severity, link)',
    example: {
      specversion: '1.0',
      id: '0193a4c2-…',
      source: '/housing-first/local',
      type: 'dk.housingfirst.alert.raised',
      subject: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a',
      time: '2026-03-02T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: { alertId: '…', ruleId: 'A1', severity: 'high', links: { self: '/alerts?citizenId=…' } },
    },
  })
  event!: Record<string, unknown>;
}

export class FeedPageResponse {
  @ApiProperty({ type: [FeedItemResponse] }) items!: FeedItemResponse[];
  @ApiProperty({
    description: 'Pass as ?after= for the next page; the same cursor when nothing new',
    example: '42',
  })
  nextCursor!: string;
}
