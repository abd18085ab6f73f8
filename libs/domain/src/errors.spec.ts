import { DomainError } from './errors';

describe('DomainError', () => {
  it('carries kind, code, message and details and is an Error', () => {
    const error = new DomainError(
      'conflict',
      'shelter-stay-already-open',
      'The citizen already has an open shelter stay',
      {
        openStayId: 'stay-1',
      },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('shelter-stay-already-open');
    expect(error.message).toBe('The citizen already has an open shelter stay');
    expect(error.details).toEqual({ openStayId: 'stay-1' });
  });
});
