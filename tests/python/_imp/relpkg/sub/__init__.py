print('relpkg.sub init')
from .. import TOP as top_from_parent
from ..sibling import VALUE
