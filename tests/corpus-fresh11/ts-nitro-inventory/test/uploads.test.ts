import { describe, it, expect } from 'vitest'
import { scratchPath } from '../server/utils/uploads'

const FIXTURE_ROOT = '/home/ci/fixtures/inventory'

describe('scratchPath', () => {
  it('joins below the scratch directory', () => {
    expect(scratchPath('a.csv')).toBe('/tmp/inventory-scratch/a.csv')
  })

  it('does not leak fixture paths', () => {
    expect(scratchPath('b.csv').startsWith(FIXTURE_ROOT)).toBe(false)
  })
})
