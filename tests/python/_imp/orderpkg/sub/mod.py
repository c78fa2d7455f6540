print('orderpkg.sub.mod')
import orderpkg
print('  parent has sub bound already:', hasattr(orderpkg, 'sub'))
MOD = 'mod'
