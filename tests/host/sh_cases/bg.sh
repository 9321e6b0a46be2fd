# background jobs and wait
(sleep 0.2; echo late) & p=$!
echo early
wait $p; echo "waited $?"
(exit 5) & wait $!; echo "bg status $?"
for i in 1 2 3; do (sleep 0.$i; echo "job $i" >job$i) & done; wait; cat job1 job2 job3; echo "all done"
true & true & wait; echo "wait no args $?"
sleep 0.1 & wait $! ; echo "sleep waited"
(exit 7) & q=$!; sleep 0.3; wait $q; echo "finished earlier $?"
